package io.landscape.impl.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.landscape.api.Kernel;
import io.landscape.api.Landscape;
import io.landscape.api.Objective;
import io.landscape.api.Problem;
import io.landscape.api.function.NetworkHessian;
import io.landscape.api.function.NetworkObjective;

/** The population objective through the api's capability interfaces: layout, gradient, Hessian operator and blocks. */
class ObjectiveCapabilitiesTest {
    @Test
    void hessianOperatorMatchesFiniteDifferencesOfTheGradient() {
        Problem p = Problem.builder().teacher(new double[][] {{1, 0, 0}, {0.3, 1, 0}}).students(3).kernel(Kernel.relu())
                .build();
        Objective f = Landscape.objective(p);
        NetworkObjective net = f;
        assertEquals(3, net.neurons());
        assertEquals(3, net.inputDimension());
        assertEquals(9, net.dimension());
        Random r = new Random(5);
        double[] x = new double[9];
        double[] v = new double[9];
        for (int i = 0; i < 9; i++) {
            x[i] = r.nextGaussian();
            v[i] = r.nextGaussian();
        }
        assertArrayEquals(f.gradient().evaluate(x), net.gradient(x), 0);
        NetworkHessian h = net.hessianAt(x);
        double[] hv = new double[9];
        h.multiply(v, hv);
        double step = 1e-5;
        double[] xp = x.clone();
        double[] xm = x.clone();
        for (int i = 0; i < 9; i++) {
            xp[i] += step * v[i];
            xm[i] -= step * v[i];
        }
        double[] gp = net.gradient(xp);
        double[] gm = net.gradient(xm);
        for (int i = 0; i < 9; i++) {
            assertEquals((gp[i] - gm[i]) / (2 * step), hv[i], 1e-7);
        }
        double[] dense = f.hessian().evaluate(x);
        double[] block = new double[9];
        h.block(2, 0, block);
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertEquals(dense[(6 + a) * 9 + b], block[a * 3 + b], 0);
            }
        }
    }
}
