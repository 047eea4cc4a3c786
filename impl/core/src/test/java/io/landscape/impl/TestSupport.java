package io.landscape.impl;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Seeded random points and small linear-algebra helpers shared by the tests. */
public final class TestSupport {
    private TestSupport() {
    }

    public static double[][] gaussian(Random rnd, int rows, int cols, double sigma) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = sigma * rnd.nextGaussian();
            }
        }
        return m;
    }

    public static double[] gaussian(Random rnd, int n, double sigma) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = sigma * rnd.nextGaussian();
        }
        return x;
    }

    /** Eigenvalues of a symmetric m×m row-major matrix, ascending. */
    public static double[] eigenvalues(double[] h, int m) {
        DMatrixRMaj a = new DMatrixRMaj(m, m);
        System.arraycopy(h, 0, a.data, 0, m * m);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false, true);
        if (!eig.decompose(a)) {
            throw new IllegalStateException("eigen-decomposition failed");
        }
        double[] ev = new double[m];
        for (int i = 0; i < m; i++) {
            ev[i] = eig.getEigenvalue(i).getReal();
        }
        java.util.Arrays.sort(ev);
        return ev;
    }

    public static double lambdaMin(double[] h, int m) {
        return eigenvalues(h, m)[0];
    }

    public static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
