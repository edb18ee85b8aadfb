package dev.hookrelay.controller.testing;

import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.TestNamespace;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class a namespace of its own on the shared control plane, a controller of the
 * Receivers in it for the whole class, and a {@link Cluster} view of it (a test parameter).
 */
public final class RunningController implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(RunningController.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Cluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context).cluster();
    }

    private static Running running(ExtensionContext context) {
        ExtensionContext classContext = context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
        return classContext.getStore(STORE).getOrComputeIfAbsent("controller", key -> {
            ControlPlane plane = ControlPlane.shared();
            TestNamespace namespace = TestNamespace.create(plane, classContext.getRequiredTestClass().getSimpleName());
            return new Running(ControllerInstance.start(plane, namespace.name()), new Cluster(plane, namespace.name()));
        }, Running.class);
    }

    private record Running(ControllerInstance controller, Cluster cluster)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            controller.close();
        }
    }
}
