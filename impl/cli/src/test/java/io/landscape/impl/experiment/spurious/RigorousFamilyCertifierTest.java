package io.landscape.impl.experiment.spurious;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import io.landscape.api.Problem;

/** The certificate memo is keyed by everything that decides a verdict, and bounded. */
class RigorousFamilyCertifierTest {
    private static final double[] POINT = {0.9, 0.1, -0.2, 1.1};

    @Test
    void theMemoIsKeyedByProblemPointAndOptions() {
        RigorousFamilyCertifier c = new RigorousFamilyCertifier(RigorousFamilyCertifier.DEFAULT_CAPACITY);
        Problem relu = Problem.identityTeacher(2, 2, 2);
        FamilyCertifier.Certificate first = c.certify(relu, POINT);
        assertSame(first, c.certify(Problem.identityTeacher(2, 2, 2), POINT.clone()), "an equal problem and point");
        assertEquals(1, c.size());
        // same sizes (k, n, d) and point, another loss: another entry, never the ReLU verdict reused
        Problem skewed = relu.toBuilder().teacher(new double[][] {{1, 0}, {0.5, 1}}).build();
        assertNotSame(first, c.certify(skewed, POINT));
        assertNotSame(first, c.certify(relu.toBuilder().normalization(io.landscape.api.Normalization.FULL).build(), POINT));
        assertEquals(3, c.size());
        double[] moved = POINT.clone();
        moved[3] = Math.nextUp(moved[3]);
        assertNotSame(first, c.certify(relu, moved));
        assertEquals(4, c.size());
    }

    @Test
    void theMemoStaysWithinItsCapacity() {
        // one key weighs 4 (point) + 4 (teacher) doubles: room for two
        RigorousFamilyCertifier c = new RigorousFamilyCertifier(16);
        Problem p = Problem.identityTeacher(2, 2, 2);
        for (int i = 0; i < 6; i++) {
            double[] x = POINT.clone();
            x[0] += i * 1e-3;
            FamilyCertifier.Certificate made = c.certify(p, x);
            assertSame(made, c.certify(p, x));
            assertEquals(Math.min(i + 1, 2), c.size());
        }
        FamilyCertifier.Certificate again = c.certify(p, POINT); // evicted: recomputed, the same verdict
        assertEquals(new RigorousFamilyCertifier(0).certify(p, POINT).certified(), again.certified());
        assertEquals(0, new RigorousFamilyCertifier(0).size());
    }
}
