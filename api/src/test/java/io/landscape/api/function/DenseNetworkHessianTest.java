package io.landscape.api.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

class DenseNetworkHessianTest {
    /** A random symmetric 6×6 matrix with blocks of size 2. */
    private static double[] symmetric(int m, long seed) {
        Random r = new Random(seed);
        double[] h = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                h[i * m + j] = h[j * m + i] = r.nextGaussian();
            }
        }
        return h;
    }

    @Test
    void productsBlocksAndDenseFillAgreeWithTheMatrix() {
        int m = 6;
        int d = 2;
        double[] h = symmetric(m, 3);
        DenseNetworkHessian op = new DenseNetworkHessian(h, m, d);
        double[] v = {1, -2, 0.5, 3, 0, -1};
        double[] hv = new double[m];
        op.multiply(v, hv);
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += h[i * m + j] * v[j];
            }
            assertEquals(s, hv[i], 0);
        }
        double[] block = new double[d * d];
        op.block(2, 1, block);
        assertArrayEquals(new double[] {h[4 * m + 2], h[4 * m + 3], h[5 * m + 2], h[5 * m + 3]}, block, 0);
        // the interface's product-based default toDense reproduces the matrix
        HessianOperator viaProducts = new HessianOperator() {
            @Override
            public int dimension() {
                return m;
            }

            @Override
            public void multiply(double[] x, double[] out) {
                op.multiply(x, out);
            }
        };
        assertArrayEquals(h, viaProducts.toDense(), 0);
        double q = 0;
        for (int i = 0; i < m; i++) {
            q += v[i] * hv[i];
        }
        assertEquals(q, viaProducts.quadraticForm(v), 1e-12);
    }

    @Test
    void refusesWrongSizesAndAliasing() {
        assertThrows(IllegalArgumentException.class, () -> new DenseNetworkHessian(new double[5], 2, 1));
        DenseNetworkHessian op = new DenseNetworkHessian(new double[4], 2, 1);
        double[] v = new double[2];
        assertThrows(IllegalArgumentException.class, () -> op.multiply(v, v));
    }
}
