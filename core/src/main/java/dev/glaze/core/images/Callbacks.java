package dev.glaze.core.images;

import dev.glaze.core.GlazeException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Consumer;

/** Callbacks from named arguments: a Consumer, or a Groovy closure found by its {@code call(Object)} (Groovy stays optional). */
final class Callbacks {
    private Callbacks() {
    }

    @SuppressWarnings("unchecked")
    static <T> Consumer<T> consumer(String option, Object v) {
        if (v == null || v instanceof Consumer) {
            return (Consumer<T>) v;
        }
        Method call;
        try {
            call = v.getClass().getMethod("call", Object.class);
        } catch (NoSuchMethodException e) {
            throw new GlazeException(option + " is a Consumer<TransferProgress> or a closure, not a " + v.getClass().getName());
        }
        return p -> {
            try {
                call.invoke(v, p);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                if (cause instanceof Error) {
                    throw (Error) cause;
                }
                throw new IllegalStateException(cause);
            }
        };
    }
}
