package io.landscape.impl.certify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.landscape.api.CertifyOptions;
import io.landscape.api.Kernel;
import io.landscape.api.Landscape;
import io.landscape.api.Problem;

/** {@link Landscape#certify} (the api facade) gives the impl {@link Certifier}'s certificate, field by field. */
class CertifyFacadeTest {

    @Test
    void facadeCertifiesPaperExample1AsTheCertifierDoes() {
        Problem p = Problem.identityTeacher(6, 6, 6);
        double[] x = PaperExamples.flat(PaperExamples.example1());
        io.landscape.api.Certificate api = Landscape.certify(p, x, CertifyOptions.defaults().withPolish(true));
        Certificate impl = Certifier.certify(p, x, Options.defaults().withPolish(true));
        assertTrue(api.certified(), api.reason());
        assertEquals(impl.verdict(), api.verdict());
        assertEquals(impl.reason(), api.reason());
        assertEquals(impl.radius(), api.radius(), 0.0);
        assertEquals(impl.lambdaMinLowerBound(), api.lambdaMinLowerBound(), 0.0);
        assertEquals(impl.gradientNormUpperBound(), api.gradientNormUpperBound(), 0.0);
        assertEquals(impl.thirdOrderBound(), api.thirdOrderBound(), 0.0);
        assertEquals(impl.objectiveLowerBound(), api.objectiveLowerBound(), 0.0);
        assertEquals(impl.anyDimension(), api.anyDimension());
        assertEquals(impl.polishSteps(), api.polishSteps());
        assertArrayEquals(impl.point(), api.point(), 0.0);
        // the paper's numbers (λ_min ≈ 0.0047, F ≈ 0.0251) come through the facade
        assertTrue(api.lambdaMinLowerBound() >= 0.004699 && api.lambdaMinLowerBound() <= 0.0047004);
        assertTrue(api.objectiveLowerBound() >= 0.02508);
    }

    @Test
    void facadeReportsTheFirstFailedCheck() {
        Problem p = Problem.identityTeacher(6, 6, 6);
        double[] x = PaperExamples.flat(PaperExamples.example1());
        x[0] += 1e-2; // far from stationary
        io.landscape.api.Certificate c = Landscape.certify(p, x, CertifyOptions.defaults());
        assertEquals(io.landscape.api.Certificate.NOT_CERTIFIED, c.verdict());
        assertEquals("gradient-norm", c.reason());
    }

    @Test
    void facadeRefusesBadInput() {
        Problem p = Problem.identityTeacher(2, 2, 2);
        assertThrows(IllegalArgumentException.class, () -> Landscape.certify(p, new double[3], CertifyOptions.defaults()));
        Problem erf = Problem.builder().teacher(new double[][] {{1, 0}, {0, 1}}).students(2).kernel(Kernel.erf()).build();
        assertThrows(IllegalArgumentException.class,
                () -> Landscape.certify(erf, new double[] {1, 0, 0, 1}, CertifyOptions.defaults()));
        assertThrows(IllegalArgumentException.class, () -> new CertifyOptions(false, -1, 1e-4, 0.1));
    }
}
