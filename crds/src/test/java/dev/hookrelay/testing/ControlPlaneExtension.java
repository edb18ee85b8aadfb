package dev.hookrelay.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class the JVM's shared {@link ControlPlane} and a fresh {@link TestNamespace};
 * both are injected as parameters of constructors, lifecycle and test methods.
 */
public final class ControlPlaneExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(ControlPlaneExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        namespace(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ControlPlane.class || type == TestNamespace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ControlPlane.class ? ControlPlane.shared() : namespace(context);
    }

    private static TestNamespace namespace(ExtensionContext context) {
        ExtensionContext classContext = context.getTestClass().isPresent() && context.getTestMethod().isPresent()
                ? context.getParent().orElseThrow() : context;
        return classContext.getStore(STORE).getOrComputeIfAbsent("namespace",
                key -> TestNamespace.create(ControlPlane.shared(), classContext.getRequiredTestClass().getSimpleName()),
                TestNamespace.class);
    }
}
