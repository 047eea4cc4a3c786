package io.landscape.impl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.landscape.impl.experiment.basin.CurvePoint;
import io.landscape.impl.experiment.basin.InitialBasinExperiment;
import io.landscape.impl.experiment.basin.InitialBasinOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reproduce initial-basin --replot}: figures from an earlier summary.json; bad input is one message, exit 2. */
class InitialBasinReplotTest {
    @TempDir
    Path dir;

    @Test
    void redrawsTheFiguresOfASummary() throws Exception {
        List<CurvePoint> points = List.of(
                new CurvePoint("thm3", "rank 2", 504, 10, 20, 10_000, 10_000, 0.01, 0.7, false, Double.NaN, 1.0),
                new CurvePoint("thm3", "rank 2", 1008, 10, 20, 10_000, 10_000, 0.01, 0.9, false, Double.NaN, 1.0),
                new CurvePoint("thm6", "single neuron", 1, 4, 8, 10_000, 1200, 0.05, 0.8, true, 0.125, 1.0));
        InitialBasinOutput.write(new InitialBasinExperiment.Result(
                new InitialBasinExperiment.Config(1, 10_000, false, 1), points, 1.0), dir, false);
        CliRun r = CliRun.of("reproduce", "initial-basin", "--replot", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("3 curve points"), r.out());
        for (String f : new String[] {"prob-thm3.png", "prob-thm3-failure.png", "prob-thm6.png"}) {
            byte[] png = Files.readAllBytes(dir.resolve(f));
            assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', f);
        }
    }

    @Test
    void badInputIsOneMessage() throws Exception {
        CliRun none = CliRun.of("reproduce", "initial-basin", "--replot", "--out", dir.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("no " + dir.resolve("summary.json")), none.err());
        assertTrue(!none.err().contains("Exception"), none.err());

        Files.writeString(dir.resolve("summary.json"), "{\"curves\": [{\"statement\": \"thm3\", \"variant\": \"v\", "
                + "\"n\": 5, \"d\": 2, \"m\": 3, \"trials\": 10, \"successes\": 11, \"boundKind\": \"lower\"}]}");
        CliRun bad = CliRun.of("reproduce", "initial-basin", "--replot", "--out", dir.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("summary.json: curves[0]: \"successes\" is not an integer in [0, 10]"),
                bad.err());

        CliRun both = CliRun.of("reproduce", "initial-basin", "--replot", "--quick", "--out", dir.toString());
        assertEquals(2, both.code());
        assertTrue(both.err().contains("takes no --quick"), both.err());
    }
}
