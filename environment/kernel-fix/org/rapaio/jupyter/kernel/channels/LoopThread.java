package org.rapaio.jupyter.kernel.channels;

/**
 * Start-up fix for rapaio-jupyter-kernel 3.0.1 (MIT licence), put before the kernel's jar on the class path by
 * environment/install_kernel.py. Same name and public API as the kernel's own class; two changes.
 *
 * <ol>
 *   <li>The kernel's version sets its {@code running} flag only after {@code Thread.start()} returns. When the new
 *       thread is scheduled first (more likely on a busy machine), its {@code while (running)} test reads
 *       {@code false} and the thread ends at once. Here the flag is set before the thread starts.</li>
 *   <li>The kernel starts its channel loops before it installs its message handlers
 *       ({@code Channels.connect}); a {@code kernel_info_request} that arrives in between makes the shell loop
 *       throw a {@code NullPointerException}, which ended the loop thread. Here an exception from one pass is
 *       reported on standard error and the loop goes on; Jupyter repeats its {@code kernel_info_request} every
 *       second until it is answered.</li>
 * </ol>
 * Either failure leaves a kernel whose sockets are bound but whose shell channel never answers, so Jupyter waits
 * until its start-up timeout. Counted with environment/kernel-check (README, "Kernel start-up").
 */
public final class LoopThread extends Thread {

    private volatile boolean running = false;
    private final long sleep;
    private final Runnable loopBody;

    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        while (running) {
            try {
                loopBody.run();
            } catch (RuntimeException e) {
                System.err.println("[kernel-fix] " + getName() + ": " + e + " in one pass of the loop; the loop goes on");
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true; // before the thread exists, so its first test of the flag cannot miss it
        super.start();
    }

    public void shutdown() {
        running = false;
    }
}
