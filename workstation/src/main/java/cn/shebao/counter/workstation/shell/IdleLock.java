package cn.shebao.counter.workstation.shell;

import java.awt.AWTEvent;
import java.awt.Toolkit;
import java.awt.event.AWTEventListener;
import javax.swing.Timer;

/** Fires once when no key or mouse event has reached the application for the configured time. */
final class IdleLock implements AutoCloseable {

    private static final long EVENTS = AWTEvent.KEY_EVENT_MASK | AWTEvent.MOUSE_EVENT_MASK
            | AWTEvent.MOUSE_MOTION_EVENT_MASK | AWTEvent.MOUSE_WHEEL_EVENT_MASK;

    private final long idleMillis;
    private final Runnable onIdle;
    private final AWTEventListener activity = e -> touch();
    private final Timer timer;
    private volatile long lastActivity = System.currentTimeMillis();
    private boolean paused;

    IdleLock(int idleSeconds, Runnable onIdle) {
        this.idleMillis = idleSeconds * 1000L;
        this.onIdle = onIdle;
        this.timer = new Timer(500, e -> check());
        Toolkit.getDefaultToolkit().addAWTEventListener(activity, EVENTS);
        timer.start();
    }

    private void touch() {
        lastActivity = System.currentTimeMillis();
    }

    private void check() {
        if (!paused && System.currentTimeMillis() - lastActivity >= idleMillis) {
            paused = true; // the lock dialog resumes us when it closes
            onIdle.run();
        }
    }

    void resume() {
        touch();
        paused = false;
    }

    @Override
    public void close() {
        timer.stop();
        Toolkit.getDefaultToolkit().removeAWTEventListener(activity);
    }
}
