package io.landscape.impl.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.landscape.api.Problem;

class CertifierTest {
    private static final Options POLISH = Options.defaults().withPolish(true);

    @Test
    void example1IsCertified() {
        Problem p = Problem.identityTeacher(6, 6, 6);
        Certificate c = Certifier.certify(p, PaperExamples.flat(PaperExamples.example1()), POLISH);
        System.out.println(c);
        assertTrue(c.certified(), c.reason());
        assertTrue(c.radius() <= 2e-6, "radius " + c.radius());
        assertEquals(0.0047, c.lambdaMinLowerBound(), 1e-4);
        assertTrue(c.lambdaMinLowerBound() >= 0.004699);
        assertEquals(0.02508, c.objectiveLowerBound(), 1e-4);
        assertTrue(c.objectiveLowerBound() >= 0.02508 - 1e-6 && c.objectiveLowerBound() <= c.objective());
    }

    @Test
    void example2IsCertified() {
        Problem p = Problem.identityTeacher(8, 8, 9);
        Certificate c = Certifier.certify(p, PaperExamples.flat(PaperExamples.example2()), POLISH);
        System.out.println(c);
        assertTrue(c.certified(), c.reason());
        assertTrue(c.radius() <= 2e-6, "radius " + c.radius());
        assertEquals(0.0059, c.lambdaMinLowerBound(), 1e-4);
        assertTrue(c.lambdaMinLowerBound() >= 0.005944);
        assertEquals(0.02056, c.objectiveLowerBound(), 1e-4);
    }
}
