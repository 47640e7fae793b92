//! Work on its own thread, whose answer is taken when it comes. Reading, parsing, validating and
//! checking the quotes of a large file takes long enough to freeze a window; a [`Job`] runs it
//! apart and wakes whoever waits (the window, through a [`Wake`]) when it is done.

use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

/// How long the frame that starts a load waits for it: a small file is then shown in that frame,
/// as before, with no flash of a progress notice; a larger one shows progress after this.
pub const PATIENCE: Duration = Duration::from_millis(150);

/// A call that wakes the waiting side (the window asks for a repaint), from any thread.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// Something that can be woken from another thread when a load or a watched change is ready. The
/// window implements it for its egui context; this layer knows nothing of egui.
pub trait Wake {
    fn waker(&self) -> Waker;
}

/// The outcome of [`Job::poll`].
#[derive(Debug)]
pub enum Poll<T> {
    Ready(T),
    Pending,
    /// The thread stopped without an answer (it panicked): the load is lost, the data on screen
    /// stays.
    Stopped,
}

/// Work running on its own thread, whose answer is taken when it comes.
#[derive(Debug)]
pub struct Job<T> {
    rx: mpsc::Receiver<T>,
    /// Until when [`Self::poll`] waits for the answer.
    patient_until: Instant,
    /// What is loaded, for the progress notice: the files' names.
    pub what: String,
}

impl<T: Send + 'static> Job<T> {
    /// Run `work` on its own thread; `wake`, when given, is called when it is done.
    pub fn spawn(
        what: String,
        wake: Option<Waker>,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Self {
        let (tx, rx) = mpsc::channel();
        let run = move || {
            // The window may have moved on (another file opened): nobody to tell then.
            let _ = tx.send(work());
            if let Some(wake) = wake {
                wake();
            }
        };
        // A thread that cannot start drops `tx` with `run`: `poll` then answers `Stopped`, which
        // the window says.
        let _ = std::thread::Builder::new()
            .name("planboard-load".to_owned())
            .spawn(run);
        Self {
            rx,
            patient_until: Instant::now() + PATIENCE,
            what,
        }
    }

    /// The answer if it has come, waiting for it within [`PATIENCE`] of the start.
    pub fn poll(&self) -> Poll<T> {
        let wait = self.patient_until.saturating_duration_since(Instant::now());
        match self.rx.recv_timeout(wait) {
            Ok(answer) => Poll::Ready(answer),
            Err(mpsc::RecvTimeoutError::Timeout) => Poll::Pending,
            Err(mpsc::RecvTimeoutError::Disconnected) => Poll::Stopped,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Job, Poll};

    /// A job's answer comes back; one whose thread stops without an answer says so.
    #[test]
    fn a_job_answers_or_says_it_stopped() {
        let job = Job::spawn("a".to_owned(), None, || 7);
        let answer = loop {
            match job.poll() {
                Poll::Pending => std::thread::yield_now(),
                other => break other,
            }
        };
        assert!(matches!(answer, Poll::Ready(7)));

        let job: Job<u8> = Job::spawn("b".to_owned(), None, || std::panic::panic_any("lost"));
        let answer = loop {
            match job.poll() {
                Poll::Pending => std::thread::yield_now(),
                other => break other,
            }
        };
        assert!(matches!(answer, Poll::Stopped));
    }
}
