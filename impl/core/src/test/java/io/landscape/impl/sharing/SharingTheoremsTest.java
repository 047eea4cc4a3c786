package io.landscape.impl.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Paper 004's statements as checks, including where the printed numbers are wrong. */
class SharingTheoremsTest {
    @Test
    void thm2StronglyConvexButNotInPrintedRange() {
        for (int k : new int[] {1, 2, 5, 10, 20}) {
            SharingTheorems.Range r = SharingTheorems.thm2Eigenvalues(k, 3, 200, 7 + k);
            double sk = Math.sqrt(k);
            // corrected range: c_k² ± (2k + √k), c_k² = 9k
            assertTrue(r.min() >= 9 * k - 2 * k - sk && r.max() <= 9 * k + 2 * k + sk, "k=" + k + " " + r);
            assertTrue(r.max() / r.min() <= 5, "condition number k=" + k);
            // the printed [3k/2, 15k/2] does not hold: the eigenvalues exceed 15k/2
            assertTrue(r.max() > 7.5 * k, "printed upper bound 15k/2 violated, k=" + k + " " + r);
        }
    }

    @Test
    void thm1RingGradientSmallAndGapLarge() {
        for (int k : new int[] {2, 5, 10, 20}) {
            for (double u : new double[] {0.5, 1, 2}) {
                SharingTheorems.RingCheck c = SharingTheorems.thm1Ring(k, 4, u, 400, 100 + k);
                assertTrue(c.holds(), c.toString());
            }
        }
        SharingTheorems.RingCheck big = SharingTheorems.thm1Ring(10, 4, 2, 400, 3);
        assertTrue(big.maxGradient() < 2e-4 && big.minGap() > 0.49, big.toString());
    }

    @Test
    void lemma2Values() {
        double[] expect = {0.501, 0.523, 0.544, 0.552, 0.557, 0.560};
        int[] ks = {1, 2, 5, 10, 20, 100};
        for (int i = 0; i < ks.length; i++) {
            double v = SharingTheorems.lemma2(ks[i]);
            assertEquals(expect[i], v, 0.0006, "k=" + ks[i]);
            assertTrue(v > Math.pow(1 - 1.0 / ks[i], ks[i]) && v > 0.25);
        }
    }

    @Test
    void lemma6HoeffdingBoundHolds() {
        for (int d : new int[] {100, 300, 1000}) {
            SharingTheorems.Lemma6 l = SharingTheorems.lemma6(3, d, 20_000, d);
            // 4 binomial standard errors of slack
            double se = Math.sqrt(0.25 / l.trials());
            assertTrue(l.empirical() + 4 * se >= l.bound(), l.toString());
        }
    }

    @Test
    void lemma8LossBoundedAway() {
        for (int k : new int[] {2, 3, 5}) {
            double min = SharingTheorems.lemma8MinLoss(k, 5, 5000, 9 + k);
            assertTrue(min > 1.0 / 16, "k=" + k + " min F^(1,k) = " + min);
        }
    }

    @Test
    void lemma5C1ClaimFailsForShortW() {
        assertEquals(4 / Math.PI, ErfArcsine.selfPrime(0), 1e-15);
        double t = SharingTheorems.lemma5Threshold();
        assertEquals(0.2572, t, 0.0002); // the catalogue rounds it to 0.258
        assertTrue(ErfArcsine.selfPrime(0.25 * 0.25) > 1 && ErfArcsine.selfPrime(0.27 * 0.27) < 1);
    }
}
