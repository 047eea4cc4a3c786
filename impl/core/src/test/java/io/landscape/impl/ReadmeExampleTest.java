package io.landscape.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's {@code java} code blocks, compiled and run exactly as written (wrapped in a method with the api's
 * imports), so the front page's example can never drift from the library. Each block is followed by a check of what
 * its comments promise.
 */
class ReadmeExampleTest {
    private static final String IMPORTS = "import io.landscape.api.*;\nimport io.landscape.api.formula.*;\nimport java.util.List;\n";
    /** What each block's comments claim, checked after it runs (in block order). */
    private static final List<String> CHECKS = List.of(
            "if (!(value > 0) || grad.length != 9 || hess.length != 81) throw new AssertionError(value);",
            "if (!r.holds()) throw new AssertionError(r);",
            "if (!(value > 0) || g.length != 50 || hessian.length != 2500) throw new AssertionError(value);");

    @Test
    void readmeJavaBlocksCompileAndRun(@TempDir Path dir) throws Exception {
        List<String> blocks = javaBlocks(findReadme());
        assertEquals(CHECKS.size(), blocks.size(), "README java blocks (update CHECKS when adding one)");
        List<File> sources = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            String body = IMPORTS + "public class ReadmeBlock" + i + " implements Runnable {\n  public void run() {\n"
                    + blocks.get(i) + "\n" + CHECKS.get(i) + "\n  }\n}\n";
            Path file = dir.resolve("ReadmeBlock" + i + ".java");
            Files.writeString(file, body);
            sources.add(file.toFile());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        StringWriter out = new StringWriter();
        List<String> options = List.of("-d", dir.toString(), "-classpath", classPath, "-proc:none");
        boolean ok = javac.getTask(out, null, null, options, null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjectsFromFiles(sources)).call();
        assertTrue(ok, "README blocks do not compile:\n" + out);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            for (int i = 0; i < blocks.size(); i++) {
                ((Runnable) loader.loadClass("ReadmeBlock" + i).getDeclaredConstructor().newInstance()).run();
            }
        }
    }

    static List<String> javaBlocks(Path readme) throws IOException {
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(readme));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    static Path findReadme() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("api"))) {
                return p.resolve("README.md");
            }
        }
        throw new AssertionError("README.md not found above " + Path.of("").toAbsolutePath());
    }
}
