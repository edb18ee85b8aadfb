package dev.hookrelay.api.filter;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.List;

/**
 * The CEL environment of Hookrelay's filters, shared by the function (spec.filter, evaluated on
 * each verified delivery) and the controller (which compiles both kinds before it rolls a
 * filter out, and evaluates spec.resources[].filter at fan-out). Both programs compile with
 * exactly these declarations, so an expression the controller accepts is one the function runs.
 *
 * <ul>
 *   <li>{@code event}: map(string, string) with every key of {@link #EVENT_FIELDS}; a field the
 *       provider does not carry is the empty string.</li>
 *   <li>{@code body}: the delivery's JSON document (spec.filter only).</li>
 *   <li>{@code headers}: map(string, string), names in lower case (spec.filter only).</li>
 *   <li>{@code target}: {@code {"metadata": {name, namespace, labels, annotations}}} (target filters only).</li>
 * </ul>
 *
 * A Provider's {@code commitStatusExpr} is a string over {@code event} (the Flux event),
 * {@code provider} and {@code alert} ({@code metadata}: name, namespace, uid), as in Flux.
 */
public final class FilterLanguage {
    public static final String EVENT = "event";
    public static final String BODY = "body";
    public static final String HEADERS = "headers";
    public static final String TARGET = "target";
    public static final String PROVIDER = "provider";
    public static final String ALERT = "alert";
    public static final List<String> EVENT_FIELDS = List.of("id", "type", "provider", "repository", "ref", "revision",
            "image", "tag", "sender", "action");
    /** Evaluation steps (sub-expressions evaluated) one filter may take on one input before it counts as failed. */
    public static final int COST_LIMIT = 10_000;
    /** As long as the CRD allows. */
    public static final int MAX_LENGTH = 4096;

    private static final CelType STRING_MAP = MapType.create(SimpleType.STRING, SimpleType.STRING);
    private static final CelType OBJECT = MapType.create(SimpleType.STRING, SimpleType.DYN);
    private static final CelOptions OPTIONS = CelOptions.current()
            .comprehensionMaxIterations(1_000)
            .maxExpressionCodePointSize(MAX_LENGTH)
            .maxRegexProgramSize(1_000)
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();
    private static final CelCompiler DELIVERY = compiler()
            .addVar(EVENT, STRING_MAP)
            .addVar(BODY, SimpleType.DYN)
            .addVar(HEADERS, STRING_MAP)
            .build();
    private static final CelCompiler TARGET_COMPILER = compiler()
            .addVar(EVENT, STRING_MAP)
            .addVar(TARGET, OBJECT)
            .build();
    private static final CelCompiler COMMIT_STATUS = compiler()
            .setResultType(SimpleType.STRING)
            .addVar(EVENT, OBJECT)
            .addVar(PROVIDER, OBJECT)
            .addVar(ALERT, OBJECT)
            .build();

    private FilterLanguage() {
    }

    /** spec.filter: over event, body and headers. */
    public static EventFilter deliveryFilter(String expression) throws FilterException {
        return compile(DELIVERY, expression);
    }

    /** spec.resources[].filter: over event and target. */
    public static EventFilter targetFilter(String expression) throws FilterException {
        return compile(TARGET_COMPILER, expression);
    }

    /** A Provider's spec.commitStatusExpr: the commit status key, over event, provider and alert. */
    public static EventFilter commitStatusKey(String expression) throws FilterException {
        return compile(COMMIT_STATUS, expression);
    }

    private static dev.cel.compiler.CelCompilerBuilder compiler() {
        return CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS).setResultType(SimpleType.BOOL);
    }

    private static EventFilter compile(CelCompiler compiler, String expression) throws FilterException {
        CelAbstractSyntaxTree ast;
        try {
            ast = compiler.compile(expression).getAst();
        } catch (CelValidationException e) {
            throw new FilterException(e.getMessage());
        } catch (RuntimeException e) {
            // the parser's own limits (length, depth) end up here
            throw new FilterException("the expression cannot be compiled: " + e.getMessage());
        }
        try {
            return new EventFilter(expression, RUNTIME.createProgram(ast));
        } catch (CelEvaluationException e) {
            throw new FilterException("the expression cannot be planned: " + e.getMessage());
        }
    }
}
