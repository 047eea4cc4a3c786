package io.landscape.impl.basin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SingleNeuronConstructionTest {
    /** Thm. 6 / App. C.2: 2^d distinct strict local minima with the predicted values, d = 1 … 10. */
    @Test
    void allTwoToTheDMinimaAreFoundAndStrict() {
        double eps = 0.1;
        for (int d = 1; d <= 10; d++) {
            List<SingleNeuronConstruction.Minimum> minima = SingleNeuronConstruction.enumerate(d, eps);
            assertEquals(1 << d, minima.size());
            Set<String> distinct = new HashSet<>();
            for (SingleNeuronConstruction.Minimum min : minima) {
                assertTrue(min.interior(), "minimum on a cell boundary");
                assertTrue(min.gradientNorm() <= 1e-12, "gradient " + min.gradientNorm());
                assertTrue(min.minEigenvalue() > 0.1 / d, "λ_min " + min.minEigenvalue());
                assertTrue(min.kktResidual() <= 1e-10);
                int bad = 0;
                StringBuilder key = new StringBuilder();
                for (int j = 0; j < d; j++) {
                    if (min.pattern()[j] > 0) {
                        bad++;
                        assertEquals(2 * Math.sqrt(2 * eps), min.point()[j], 1e-10);
                    } else {
                        assertEquals(-1.0, min.point()[j], 1e-10);
                    }
                    key.append(Math.round(min.point()[j] * 1e6)).append(',');
                }
                distinct.add(key.toString());
                assertEquals(SingleNeuronConstruction.minimumValue(d, bad, eps), min.value(), 1e-12);
            }
            assertEquals(1 << d, distinct.size(), "minima not distinct at d = " + d);
        }
    }

    @Test
    void oneDimensionalValuesOfAppendixC2() {
        double eps = 0.1;
        assertEquals(eps, SingleNeuronConstruction.minimumValue(1, 0, eps), 1e-15);
        assertEquals(0.5, SingleNeuronConstruction.minimumValue(1, 1, eps), 1e-15);
    }

    /** Bas at random initialisations equals the closed form (2ε·good + bad)/(2d) of the cell's sign pattern. */
    @Test
    void basinValuesAtRandomInitialisations() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        for (int d : new int[] {4, 8, 16}) {
            io.landscape.api.empirical.EmpiricalProblem p = SingleNeuronConstruction.problem(d, 0.1);
            for (int trial = 0; trial < 300; trial++) {
                double[] w = io.landscape.impl.empirical.Initialization.gaussian(1).twoLayer(rnd, 1, d, false);
                int bad = 0;
                for (double v : w) {
                    bad += v > 0 ? 1 : 0;
                }
                io.landscape.api.empirical.BasinSolution sol = CellBasinSolver.DEFAULT.solve(p, w);
                assertEquals(SingleNeuronConstruction.minimumValue(d, bad, 0.1), sol.basinValue(), 1e-10,
                        "d = " + d + " trial " + trial + " KKT " + sol.kktResidual());
                assertTrue(sol.kktResidual() <= 1e-9);
            }
        }
    }
}
