package io.landscape.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.landscape.api.Kernel;
import io.landscape.api.Landscape;
import io.landscape.api.Normalization;
import io.landscape.api.Objective;
import io.landscape.api.Points;
import io.landscape.api.Problem;

/** The README's library example, verbatim, through the public API and ServiceLoader. */
class ReadmeExampleTest {
    @Test
    void readmeExampleRuns() {
        Problem p = Problem.builder()
                .teacher(new double[][] {{1, 0, 0}, {0.3, 1, 0}})   // k×d teacher, any vectors
                .students(3)                                          // n student neurons
                .kernel(Kernel.relu())                                // or Kernel.erf(), Kernel.linear(), Kernel.formula(...)
                .normalization(Normalization.HALF)                    // F = E ½(·)² (papers 002/003); FULL = E (·)² = 2×
                .build();
        Objective f = Landscape.objective(p);                         // one per thread; the compiled kernel is shared
        double[] w = Points.flatten(new double[][] {{.5, .1, 0}, {0, .9, .2}, {.1, .1, .7}});
        double value = f.value(w);
        double[] grad = f.gradient().evaluate(w);                     // n·d, neuron i at [i·d, i·d+d)
        double[] hess = f.hessian().evaluate(w);                      // (n·d)², row-major, index = neuron·d + coordinate
        assertTrue(value > 0);
        assertEquals(9, grad.length);
        assertEquals(81, hess.length);
    }
}
