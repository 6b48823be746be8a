package cn.shebao.counter.workstation.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import javax.swing.SwingWorker;

/**
 * Runs database and crypto work off the Event Dispatch Thread and hands the result (or the failure,
 * never swallowed: {@code done()} always calls {@code get()}) back on the EDT.
 */
public final class Background {

    private Background() {
    }

    public static <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        new SwingWorker<T, Void>() {
            @Override
            protected T doInBackground() throws Exception {
                return work.call();
            }

            @Override
            protected void done() {
                T result;
                try {
                    result = get();
                } catch (ExecutionException e) {
                    onFailure.accept(e.getCause());
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        }.execute();
    }
}
