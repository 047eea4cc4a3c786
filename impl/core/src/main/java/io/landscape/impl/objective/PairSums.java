package io.landscape.impl.objective;

/**
 * The pair-coefficient accumulation of the scalar general evaluator {@link PairwiseObjective} (the SIMD
 * {@link VectorPairwiseObjective} sums in lanes instead, {@link VectorDense#reluRows}): one row of pairs (i, j &gt; i) at a time, after the row's weighted kernel
 * coefficients have been written into arrays indexed by j (students j &lt; n, teachers at n + l) — wk[j] = w·K,
 * wga[j] = (w·gA)·(1/‖w_i‖), wgav[j] = (w·gAv)·(1/‖w_j‖), with w = a_i·a_j or −a_i·b_l — and the off-diagonal gradient
 * coefficient w·gB into row i of C.
 *
 * <p>F's terms are summed as {@link PairwiseObjective} documents: runs of {@link PairwiseObjective#CHUNK} terms summed
 * plainly, each run's sum added to (fs, fc) with TwoSum. The running state lives in a four-entry array
 * {@code sum = {fs, fc, chunk, left}} between rows (kept in locals within a row), so the order of every addition is
 * that of the former single loop: results are bitwise unchanged.
 */
final class PairSums {
    static final int FS = 0;
    static final int FC = 1;
    static final int CHUNK = 2;
    static final int LEFT = 3;

    private PairSums() {
    }

    /** A fresh state {0, 0, 0, CHUNK}. */
    static void reset(double[] sum) {
        sum[FS] = 0;
        sum[FC] = 0;
        sum[CHUNK] = 0;
        sum[LEFT] = PairwiseObjective.CHUNK;
    }

    /** Adds one term of F (the self term of a row, outside the pair runs' order it joins the current run). */
    static void add(double[] sum, double term) {
        sum[CHUNK] += term;
    }

    /**
     * Row i, columns j in [from, to): F's terms wk[j] in order; returns {@code diag} + Σ wga[j] (in order); for
     * j &lt; n also C_jj += wgav[j] and C_ji = C_ij (C row-major with stride {@code cs}, row i already written).
     */
    static double row(double[] sum, int i, int from, int n, int to, double[] wk, double[] wga, double[] wgav,
                      double[] coef, int cs, double diag) {
        double fs = sum[FS];
        double fc = sum[FC];
        double chunk = sum[CHUNK];
        int left = (int) sum[LEFT];
        int ci = i * cs;
        for (int j = from; j < to; j++) {
            chunk += wk[j];
            diag += wga[j];
            if (j < n) {
                coef[j * cs + j] += wgav[j];
                coef[j * cs + i] = coef[ci + j];
            }
            if (--left == 0) {
                double s = fs + chunk;
                double bp = s - fs;
                fc += (fs - (s - bp)) + (chunk - bp);
                fs = s;
                chunk = 0;
                left = PairwiseObjective.CHUNK;
            }
        }
        sum[FS] = fs;
        sum[FC] = fc;
        sum[CHUNK] = chunk;
        sum[LEFT] = left;
        return diag;
    }

    /**
     * F's terms wk[j], j in [from, to), in order (value without gradient): {@link #row} without C (its diagonal sum,
     * fed wk again, is discarded — one add per term, cheaper than a second copy of the compensated summation).
     */
    static void values(double[] sum, int from, int to, double[] wk) {
        row(sum, 0, from, 0, to, wk, wk, null, null, 0, 0.0);
    }

    /**
     * scale · ((fs + fc) + (hi + lo)) after the last run's flush, rounded once at the end; an infinite fs gives
     * fs + hi (not NaN).
     */
    static double total(double[] sum, double hi, double lo, double scale) {
        double fs = sum[FS];
        double chunk = sum[CHUNK];
        double s = fs + chunk;
        double bp = s - fs;
        double fc = sum[FC] + ((fs - (s - bp)) + (chunk - bp));
        fs = s;
        if (!(Math.abs(fs) <= Double.MAX_VALUE)) {
            return scale * (fs + hi);
        }
        s = fs + hi;
        bp = s - fs;
        double e = (fs - (s - bp)) + (hi - bp);
        return scale * (s + (e + (fc + lo)));
    }
}
