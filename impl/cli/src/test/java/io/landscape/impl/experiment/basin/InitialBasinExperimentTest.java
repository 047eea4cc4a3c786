package io.landscape.impl.experiment.basin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every bound holds in simulation (empirical ≥ bound − 3 stderr), and the counts do not depend on the threads. */
class InitialBasinExperimentTest {
    @TempDir
    Path dir;

    @Test
    void boundsHoldAndResultsDoNotDependOnThreads() throws Exception {
        InitialBasinExperiment.Result one = InitialBasinExperiment.run(
                new InitialBasinExperiment.Config(3, 60, true, 1), null);
        InitialBasinExperiment.Result two = InitialBasinExperiment.run(
                new InitialBasinExperiment.Config(3, 60, true, 2), null);
        List<CurvePoint> a = one.points();
        List<CurvePoint> b = two.points();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).successes(), b.get(i).successes(), a.get(i).statement() + " n = " + a.get(i).n());
            assertTrue(a.get(i).holds(), a.get(i).statement() + " " + a.get(i).variant() + " n = " + a.get(i).n()
                    + ": " + a.get(i).empirical() + " vs bound " + a.get(i).bound());
        }
        for (String s : new String[] {"prop1", "eq9", "thm2", "thm3", "thm4", "thm5", "thm6"}) {
            assertTrue(a.stream().anyMatch(p -> p.statement().equals(s)), s);
        }
        List<Path> files = InitialBasinOutput.write(one, dir, false);
        JsonNode root = new ObjectMapper().readTree(Files.readString(dir.resolve(InitialBasinOutput.SUMMARY)));
        JsonNode c = root.get("curves").get(0);
        for (String f : new String[] {"statement", "n", "trials", "empirical", "stderr", "bound"}) {
            assertTrue(c.has(f), f);
        }
        assertEquals(a.size(), root.get("curves").size());
        assertTrue(files.contains(dir.resolve(InitialBasinOutput.CSV)));
        // --replot reads the points back exactly (NaN where a field is null)
        assertEquals(a, InitialBasinOutput.read(dir.resolve(InitialBasinOutput.SUMMARY)));
    }
}
