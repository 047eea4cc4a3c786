package io.landscape.impl.certify;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.landscape.impl.cli.Main;
import picocli.CommandLine;

/** The set-up shared by the {@code certify} command tests: an in-process run and a points-file line. */
final class CertifyCli {
    private CertifyCli() {
    }

    /** Runs the command line in-process: {exit code, stdout, stderr}. */
    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    /** One line of a points file: {@code {"id": id, "neurons": w}}. */
    static String json(String id, double[][] w) throws Exception {
        return new ObjectMapper().writeValueAsString(Map.of("id", id, "neurons", w));
    }
}
