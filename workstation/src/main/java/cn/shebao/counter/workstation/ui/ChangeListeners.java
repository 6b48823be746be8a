package cn.shebao.counter.workstation.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * The listeners of a presentation model, told after every change (the view redraws, the actions update). A copy is
 * walked, so a listener may add another while being told.
 *
 * <p>Threads: the model's (the Event Dispatch Thread in the application).
 */
public final class ChangeListeners {

    private final List<Runnable> listeners = new ArrayList<>();

    public void add(Runnable listener) {
        listeners.add(listener);
    }

    public void fire() {
        List.copyOf(listeners).forEach(Runnable::run);
    }
}
