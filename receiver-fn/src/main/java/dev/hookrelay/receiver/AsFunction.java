package dev.hookrelay.receiver;

import io.micronaut.context.annotation.Requires;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the beans that exist only in a process configured as a Receiver's function, so that
 * they stay dormant in another application that has receiver-fn on its class path (the
 * controller's end-to-end tests run both in one JVM).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE})
@Requires(property = "hookrelay.receiver.name")
public @interface AsFunction {
}
