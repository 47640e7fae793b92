use super::*;

fn read_str(text: &str) -> Vec<Mention> {
    let chars: Vec<char> = text.chars().collect();
    read(&chars, Lexicon::embedded())
}

fn unit_of(m: &Mention) -> &str {
    m.unit
        .map_or("", |u| Lexicon::embedded().units[u].zh.as_str())
}

/// Whether each text states its value.
fn states_each(cases: &[(&str, f64)]) {
    for &(text, value) in cases {
        assert!(states_value(text, value), "{text} states {value}");
    }
}

#[test]
fn arabic_numbers_with_scale_words() {
    states_each(&[
        ("全市首座 1.3 万座", 13000.0),
        ("意向投资额 1391 亿元", 1391e8),
        ("超 600 万平方米", 6e6),
        ("增长 3%", 3.0),
        ("分别压缩至 65、45、80 个工作日", 45.0),
    ]);
    assert!(!states_value("增长 3%", 30.0));
    assert!(states_value("收入 1,391 亿元", 1391e8));
    assert!(states_value(
        "全年完成一般公共预算收入 263. 18 亿元",
        263.18e8
    ));
    assert!(states_value("剔除留抵退税因素后同 口径下降 4. 1%", -4.1));
    // 千 and 百 start units unless 万 or 亿 follow.
    assert!(states_value("装机10千瓦", 10.0));
    assert!(!states_value("装机10千瓦", 10000.0));
    assert!(states_value("2千亿元", 2e11));
    assert!(states_value("3万亿元", 3e12));
}

#[test]
fn falls_are_negative_and_levels_reached_are_not() {
    assert!(states_value("一般公共预算收入下降 9.9%", -9.9));
    assert!(!states_value("一般公共预算收入下降 9.9%", 9.9));
    assert!(states_value("减少3个", -3.0));
    assert!(states_value("PM2.5浓度下降至 17.5 微克", 17.5));
    assert!(states_value("增长-9.9%", -9.9));
    assert!(states_value("1-11月", 11.0));
    assert!(states_value("回落近 2 个百分点", -2.0));
    assert!(states_value("减少约3个", -3.0));
    assert!(states_value("下降了 9.9%", -9.9));
}

#[test]
fn chinese_numerals() {
    states_each(&[
        ("惠及一万余家市场主体和三万余名市民", 10000.0),
        ("惠及一万余家市场主体和三万余名市民", 30000.0),
        ("安排全区一千余名干部", 1000.0),
        ("实现产值破千亿", 1e11),
        ("半数以上既有重要建筑", 50.0),
        ("二十三个", 23.0),
    ]);
    assert!(!states_value("万人次", 10000.0));
    // A lone digit in a word is no figure; before a measure word it is.
    assert!(!states_value("进一步统一标准", 1.0));
    assert!(states_value("支持三家实验室", 3.0));
    assert!(states_value("二〇二二年", 2022.0));
    // 十四五 is a name.
    assert!(read_str("“十四五”规划").is_empty());
}

#[test]
fn enumerations_take_the_verb_sign_and_the_trailing_qualifier() {
    // Issue 18: every member of a list after one fall word is a fall.
    let text = "每亿元产值综合能源消费量、耗电量分别下降8.2%、4.8%";
    assert!(states_value(text, -8.2));
    assert!(states_value(text, -4.8));
    assert!(!states_value(text, 4.8));
    let ms = read_str("城乡居民人均可支配收入分别增长5.5%、6%以上");
    assert_eq!(ms.len(), 2);
    assert!(ms.iter().all(|m| m.qualifier == Qualifier::AtLeast));
    assert_eq!(ms[0].list, ms[1].list);
    let ms = read_str("分别增长5%和7.5%左右");
    assert!(ms.iter().all(|m| m.qualifier == Qualifier::About));
    let ms = read_str("分别下降 3%及 4.5%以及 6%");
    assert_eq!(
        ms.iter().map(|m| m.value).collect::<Vec<_>>(),
        [-3.0, -4.5, -6.0]
    );
    // Without 分别, a trailing qualifier stays with its own number.
    let ms = read_str("增长5%、7.5%左右");
    assert_eq!(ms[0].qualifier, Qualifier::Exact);
    // A shared unit: 65、45、80 个工作日.
    let ms = read_str("分别压缩至 65、45、80 个工作日");
    assert!(ms.iter().all(|m| unit_of(m) == "个工作日"), "{ms:?}");
    // Separate verbs keep their own signs.
    let ms = read_str("出口增长5%，进口下降3%");
    assert_eq!(ms.iter().map(|m| m.value).collect::<Vec<_>>(), [5.0, -3.0]);
}

#[test]
fn units_and_qualifiers() {
    let ms = read_str("厨余垃圾处理能力达 2060 吨/日，提高 2 个百分点");
    assert_eq!(unit_of(&ms[0]), "吨/日");
    assert_eq!(unit_of(&ms[1]), "个百分点");
    let ms = read_str("为市场主体减负超 4 亿元，惠及一万余家市场主体");
    assert_eq!((ms[0].value, ms[0].qualifier), (4e8, Qualifier::AtLeast));
    assert_eq!(unit_of(&ms[0]), "元");
    assert_eq!((ms[1].value, ms[1].qualifier), (1e4, Qualifier::AtLeast));
    assert_eq!(unit_of(&ms[1]), "家");
    let ms = read_str("同比增长 7%左右");
    assert_eq!(ms[0].qualifier, Qualifier::About);
    let text = "同比增长 7%左右";
    let chars: Vec<char> = text.chars().collect();
    let span: String = chars[ms[0].span.clone()].iter().collect();
    assert_eq!(span, "7%左右");
    let ms = read_str("PM2.5 年均浓度 17.5 微克/立方米");
    assert_eq!(ms.len(), 2);
    assert!(ms[0].in_name && !ms[1].in_name);
    assert_eq!(unit_of(&ms[1]), "微克/立方米");
    let ms = read_str("1-11月");
    assert!(ms.iter().all(|m| m.in_range));
    let ms = read_str("近 2 个百分点");
    assert_eq!(ms[0].qualifier, Qualifier::Nearly);
    let ms = read_str("比例由上年的0.4:14.9:84.8变化为0.4:14.7:84.9");
    assert_eq!(ms.len(), 6);
    assert_eq!(ms[0].list, ms[2].list);
    assert_ne!(ms[2].list, ms[3].list);
}

#[test]
fn scale_after_yu_or_duo_and_full_width_digits() {
    let ms = read_str("完成投资5000多亿元，新增就业300余万人");
    assert_eq!((ms[0].value, ms[0].qualifier), (5e11, Qualifier::AtLeast));
    assert_eq!(unit_of(&ms[0]), "元");
    assert_eq!((ms[1].value, ms[1].qualifier), (3e6, Qualifier::AtLeast));
    assert!(states_value("增长１２．５％", 12.5));
    let ms = read_str("增长１２．５％");
    assert_eq!(unit_of(&ms[0]), "％");
}
