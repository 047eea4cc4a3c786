package io.landscape.impl.compile;

import java.util.Map;

import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.ClassBodyEvaluator;

/**
 * The compile stage: a generated class body becomes a class extending a base type of ours, with Janino's
 * {@link ClassBodyEvaluator} (in memory, no javac, no files). The source is quoted whole in a compile error.
 */
public final class JaninoCompiler {
    private JaninoCompiler() {
    }

    /**
     * Compiles {@code source} as the body of class {@code className} extending (or implementing) {@code base}, and
     * instantiates it with its no-argument constructor.
     *
     * @param what names the generated code in error messages
     */
    public static <T> T instantiate(Class<T> base, String className, String source, String what) {
        ClassBodyEvaluator cbe = cook(base, className, source, what);
        try {
            return base.cast(cbe.getClazz().getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate compiled " + what, e);
        }
    }

    /** Compiles {@code source} to class files: binary class name → bytes (for classes shipped in the jar). */
    public static Map<String, byte[]> bytecode(Class<?> base, String className, String source, String what) {
        return cook(base, className, source, what).getBytecodes();
    }

    private static ClassBodyEvaluator cook(Class<?> base, String className, String source, String what) {
        ClassBodyEvaluator cbe = new ClassBodyEvaluator();
        if (base.isInterface()) {
            cbe.setImplementedInterfaces(new Class<?>[] {base});
        } else {
            cbe.setExtendedClass(base);
        }
        cbe.setClassName(className);
        cbe.setParentClassLoader(base.getClassLoader());
        try {
            cbe.cook(source);
            return cbe;
        } catch (CompileException e) {
            throw new IllegalStateException("generated source for " + what + " does not compile: "
                    + e.getMessage() + "\n--- source ---\n" + source, e);
        }
    }
}
