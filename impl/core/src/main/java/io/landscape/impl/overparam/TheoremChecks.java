package io.landscape.impl.overparam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import io.landscape.api.Problem;
import io.landscape.impl.certify.Certificate;
import io.landscape.impl.certify.Certifier;
import io.landscape.impl.certify.Options;

/**
 * Paper 000's statements as executable checks (§3, App. A–C): each {@link Check} computes the quantities a theorem is
 * about at explicit points, in the ½ convention with v_j = e_j, and says whether they behave as stated. Where the paper
 * is wrong the check states what holds instead (and passes when that is what is computed): a check never passes on
 * a quantity it did not compute. {@link #all()} runs everything in a few seconds; {@link #markdown} renders the
 * report ({@code landscape check mild-overparameterization}, docs/mild-overparameterization/theorems.md).
 */
public final class TheoremChecks {
    /** ¼ − 1/(2π), Thm 2's bound (attained). */
    public static final double THM2_BOUND = 0.25 - 1.0 / (2.0 * Math.PI);

    private TheoremChecks() {
    }

    /**
     * One check.
     *
     * @param id       "Thm 2", "Lemma 10", …
     * @param claim    the statement checked, in words
     * @param evidence what was computed (numbers)
     * @param passed   whether the computed numbers satisfy what the check asserts
     */
    public record Check(String id, String claim, String evidence, boolean passed) {
    }

    /** Every check, in the paper's order. */
    public static List<Check> all() {
        List<Check> out = new ArrayList<>();
        out.add(theorem1());
        out.add(theorem2());
        out.add(theorem3());
        out.add(theorems4and5());
        out.add(theorem6Expansion());
        out.add(lemma9());
        out.add(lemma10());
        out.add(lemma11());
        out.addAll(minimaChecks());
        return out;
    }

    static String f(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }

    static double[] identityPoint(int k, int d) {
        double[] x = new double[k * d];
        for (int i = 0; i < k; i++) {
            x[i * d + i] = 1.0;
        }
        return x;
    }

    static double norm(double[] g) {
        double s = 0;
        for (double e : g) {
            s += e * e;
        }
        return Math.sqrt(s);
    }

    static double lambdaMin(ReluLandscape land, double[] x) {
        int m = x.length;
        return ReluLandscape.eigen(land.hessianAt(x).toDense(), m).values()[0];
    }

    /** Thm 1: partitions of the teachers with non-negative weights summing to 1 are global minima (F = 0, ∇F = 0). */
    public static Check theorem1() {
        SplittableRandom rnd = new SplittableRandom(1);
        double worstF = 0;
        double worstG = 0;
        double minNonPartition = Double.POSITIVE_INFINITY;
        int points = 0;
        for (int k = 2; k <= 5; k++) {
            for (int n = k; n <= k + 3; n++) {
                ReluLandscape land = ReluLandscape.identityTeacher(k, k, n);
                for (int t = 0; t < 5; t++) {
                    // random surjective assignment of students to teachers, random simplex weights per group
                    int[] teacherOf = new int[n];
                    for (int i = 0; i < n; i++) {
                        teacherOf[i] = i < k ? i : rnd.nextInt(k);
                    }
                    for (int i = n - 1; i > 0; i--) {
                        int j = rnd.nextInt(i + 1);
                        int tmp = teacherOf[i];
                        teacherOf[i] = teacherOf[j];
                        teacherOf[j] = tmp;
                    }
                    double[] wgt = new double[n];
                    double[] sum = new double[k];
                    for (int i = 0; i < n; i++) {
                        wgt[i] = 0.05 + rnd.nextDouble();
                        sum[teacherOf[i]] += wgt[i];
                    }
                    double[] x = new double[n * k];
                    for (int i = 0; i < n; i++) {
                        x[i * k + teacherOf[i]] = wgt[i] / sum[teacherOf[i]];
                    }
                    double[] g = new double[n * k];
                    double fv = land.objective().valueAndGradient(x, g);
                    worstF = Math.max(worstF, Math.abs(fv));
                    worstG = Math.max(worstG, norm(g));
                    points++;
                    // the same point with one group's weights scaled off the simplex is not a minimum
                    double[] y = x.clone();
                    for (int q = 0; q < k; q++) {
                        y[q] *= 0.9;
                    }
                    minNonPartition = Math.min(minNonPartition, land.value(y));
                }
            }
        }
        // n = k: the k! permutations are the minima; check all for k = 3
        ReluLandscape l3 = ReluLandscape.identityTeacher(3, 3, 3);
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        double worstPerm = 0;
        for (int[] p : perms) {
            double[] x = new double[9];
            for (int i = 0; i < 3; i++) {
                x[i * 3 + p[i]] = 1.0;
            }
            worstPerm = Math.max(worstPerm, Math.abs(l3.value(x)));
        }
        boolean ok = worstF < 1e-14 && worstG < 1e-14 && worstPerm < 1e-15 && minNonPartition > 1e-8;
        return new Check("Thm 1", "every partition of the teachers with non-negative weights summing to 1 per "
                + "teacher is a global minimum (F = 0, ∇F = 0); for n > k these form a manifold",
                f("%d random partition points with k = 2…5, n = k…k+3: max |F| = %.1e, max ‖∇F‖ = %.1e; the 6 "
                        + "permutation minima at k = n = 3: max |F| = %.1e; moving one group off its simplex "
                        + "(weights × 0.9) gives F ≥ %.2e > 0", points, worstF, worstG, worstPerm, minNonPartition),
                ok);
    }

    /** Thm 2: λ_min(∇²F) = ¼ − 1/(2π) at w_i = v_i for n = k (attained: equality). */
    public static Check theorem2() {
        double worst = 0;
        StringBuilder sb = new StringBuilder();
        for (int k = 2; k <= 8; k++) {
            for (int d : new int[] {k, k + 2}) {
                ReluLandscape land = ReluLandscape.identityTeacher(k, d, k);
                double lam = lambdaMin(land, identityPoint(k, d));
                worst = Math.max(worst, Math.abs(lam - THM2_BOUND));
                if (d == k && (k == 2 || k == 8)) {
                    sb.append(f("k = d = %d: λ_min = %.16f; ", k, lam));
                }
            }
        }
        // Lemma 4's blocks at k = 4
        ReluLandscape land = ReluLandscape.identityTeacher(4, 4, 4);
        ReluBlockHessian h = land.hessianAt(identityPoint(4, 4));
        double blockErr = 0;
        double[] blk = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                h.block(i, j, blk);
                for (int p = 0; p < 4; p++) {
                    for (int q = 0; q < 4; q++) {
                        double expect;
                        if (i == j) {
                            expect = p == q ? 0.5 : 0.0;
                        } else {
                            expect = (p == q ? 0.25 : 0.0)
                                    + ((p == i && q == j) || (p == j && q == i) ? 1.0 / (2.0 * Math.PI) : 0.0);
                        }
                        blockErr = Math.max(blockErr, Math.abs(blk[p * 4 + q] - expect));
                    }
                }
            }
        }
        return new Check("Thm 2", "n = k: at every global minimum ∇²F ⪰ (¼ − 1/(2π))I = 0.0908450569081046 I "
                + "(Lemma 4: H_ii = ½I, H_ij = ¼I + (w̄_iw̄_jᵀ + w̄_jw̄_iᵀ)/(2π)); the bound is attained",
                sb + f("max |λ_min − (¼ − 1/(2π))| over k = 2…8, d ∈ {k, k+2}: %.1e; Lemma 4 blocks at k = 4 "
                        + "within %.1e", worst, blockErr), worst < 1e-13 && blockErr < 1e-15);
    }

    /** Thm 3: k = 2, n = 3, d = 3, α = (0.3, 0.7), u = e₃: λ_min ≈ −0.758ε. */
    public static Check theorem3() {
        ReluLandscape land = ReluLandscape.identityTeacher(2, 3, 3);
        double a1 = 0.3;
        double a2 = 0.7;
        double limit = -(a1 + a2) * (a1 + a2) / (a1 * a2) / (2.0 * Math.PI);
        StringBuilder sb = new StringBuilder();
        boolean ok = true;
        double prevRatio = Double.NaN;
        for (double eps : new double[] {1e-1, 1e-2, 1e-3, 1e-4}) {
            double[] x = {a1, 0, a1 * eps, a2, 0, a2 * eps, 0, 1, 0};
            double lam = lambdaMin(land, x);
            // the paper's direction (z, −z, 0), z the top eigenvector of h1(w̃_1, v_1): here z = e₃ up to the tilt
            double sin = eps / Math.sqrt(1 + eps * eps);
            double formula = -(1 + eps) * sin / Math.PI * (a1 + a2) * (a1 + a2) / (a1 * a2);
            sb.append(f("ε = %.0e: λ_min/ε = %.6f (paper's form/‖(z,−z)‖² /ε = %.6f); ", eps, lam / eps,
                    formula / 2 / eps));
            ok &= lam < 0;
            prevRatio = lam / eps;
        }
        ok &= Math.abs(prevRatio - limit) < 1e-3;
        return new Check("Thm 3", "n > k, d > 1: every neighbourhood of a differentiable global minimum holds points "
                + "with a negative Hessian eigenvalue; the construction at k = 2, n = 3, d = 3, α = (0.3, 0.7), u = e₃ "
                + "gives λ_min ≈ −0.758ε",
                sb + f("limit −(α₁+α₂)²/(2πα₁α₂) = %.6f", limit), ok && Math.abs(limit + 0.758) < 5e-4);
    }

    /**
     * Thms 4–5 at w₁ = α₁v₁ + εv₂, w₂ = α₂v₁ − εv₂, w_{j+1} = v_j (j ≥ 2), against w̃ = (α₁v₁, α₂v₁, v₂, …):
     * OPSC ratio O(ε), F = Ω(ε) (Eq. 26), ‖∇F‖² = O(ε²) (Eq. 27), hence PL ratio O(ε).
     */
    public static Check theorems4and5() {
        int k = 3;
        int n = k + 1;
        ReluLandscape land = ReluLandscape.identityTeacher(k, k, n);
        double a1 = 0.3;
        double a2 = 0.7;
        StringBuilder sb = new StringBuilder();
        boolean ok = true;
        double[] opscR = new double[4];
        double[] fR = new double[4];
        double[] gR = new double[4];
        double[] plR = new double[4];
        double[] eq26Err = new double[4];
        double[] epss = {1e-1, 1e-2, 1e-3, 1e-4};
        for (int t = 0; t < epss.length; t++) {
            double eps = epss[t];
            double[] x = new double[n * k];
            double[] star = new double[n * k];
            x[0] = a1;
            x[1] = eps;
            x[k] = a2;
            x[k + 1] = -eps;
            star[0] = a1;
            star[k] = a2;
            for (int j = 1; j < k; j++) {
                x[(j + 1) * k + j] = 1.0;
                star[(j + 1) * k + j] = 1.0;
            }
            double curv = Ratios.opscCurvature(land.objective(), x, star);
            double opsc = Ratios.opsc(land.objective(), x, star);
            double[] g = land.gradient(x);
            double fv = land.value(x);
            double gg = norm(g) * norm(g);
            opscR[t] = curv / eps;
            fR[t] = fv / eps;
            gR[t] = gg / (eps * eps);
            plR[t] = Ratios.pl(land.objective(), x, 0.0) / eps;
            // Eq. (26) with α = α₁ + α₂ = 1 and the exact angles
            double alpha = a1 + a2;
            double n1 = Math.hypot(a1, eps);
            double n2 = Math.hypot(a2, eps);
            double theta = Math.atan2(eps * (a1 + a2), a1 * a2 - eps * eps);
            double g1 = Math.atan2(eps, a1);
            double g2 = Math.atan2(eps, a2);
            double exact25 = n1 * n1 / 2 + n2 * n2 / 2
                    + n1 * n2 / Math.PI * (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta))
                    - alpha * n1 / Math.PI * (Math.sin(g1) + (Math.PI - g1) * Math.cos(g1))
                    - alpha * n2 / Math.PI * (Math.sin(g2) + (Math.PI - g2) * Math.cos(g2)) + alpha * alpha / 2;
            double eq26 = (eps * a1 + eps * a2 + theta * eps * eps - theta * a1 * a2 - 2 * alpha * eps
                    + alpha * a1 * g1 + alpha * a2 * g2) / Math.PI;
            ok &= Math.abs(exact25 / 2 - fv) < 1e-14;
            eq26Err[t] = Math.abs(eq26 - 2 * fv);
            fR[t] = fv;
            gR[t] = gg;
            if (t == 0 || t == epss.length - 1) {
                sb.append(f("ε = %.0e: OPSC curvature ratio (w−w̃)ᵀH(w)(w−w̃)/‖w−w̃‖² = %.4e, gradient ratio "
                        + "⟨∇F, w−w̃⟩/‖w−w̃‖² = %.4e, F = %.4e, ‖∇F‖² = %.4e, PL ratio ½‖∇F‖²/F = %.4e, "
                        + "|Eq. 26 − 2F| = %.1e; ", eps, curv, opsc, fv, gg, plR[t] * eps, eq26Err[t]));
            }
        }
        // orders in ε from the last decade
        int a = epss.length - 2;
        int bb = epss.length - 1;
        double ordOpsc = Math.log10(opscR[a] / opscR[bb]) + 1;
        double ordF = Math.log10(fR[a] / fR[bb]);
        double ordG = Math.log10(gR[a] / gR[bb]);
        double ordPl = Math.log10(plR[a] / plR[bb]) + 1;
        sb.append(f("orders in ε (last decade): OPSC ratio %.3f, F %.3f, ‖∇F‖² %.3f, PL ratio %.3f. ", ordOpsc, ordF,
                ordG, ordPl));
        ok &= Math.abs(ordOpsc - 1) < 0.01 && Math.abs(ordPl - 1) < 0.01 && Math.abs(ordF - 3) < 0.05
                && Math.abs(ordG - 4) < 0.05
                && eq26Err[bb] < 1e-12;
        return new Check("Thms 4–5", "n > k: at w₁ = α₁v₁ + εv₂, w₂ = α₂v₁ − εv₂ (in U^⊥_ε of w̃ = (α₁v₁, α₂v₁, v₂, …)) "
                + "the OPSC ratio is O(ε) — so F is not OPSC (Thm 4, confirmed) — and ½‖∇F‖²/F = O(ε), so PL fails "
                + "(Thm 5, confirmed). But the proof's intermediate claims are wrong: Eq. (26) is exact (it equals 2F, "
                + "no-½ convention) yet its first-order terms cancel (ε(α₁+α₂) − 2αε − θα₁α₂ + αα₁γ₁ + αα₂γ₂ = O(ε²) "
                + "since θ ≈ αε/(α₁α₂), γ_i ≈ ε/α_i), so F = Θ(ε³), not Ω(ε), and ‖∇F‖² = Θ(ε⁴), not merely O(ε²) "
                + "(k = 3, n = 4, α = (0.3, 0.7))",
                sb.toString(),
                ok);
    }

    /**
     * Thm 6's expansion near w̃_ij = v_i/m in U^⊥_ε: Eq. (28) is an identity, and Lemmas 5–8's terms have the
     * remainders stated (fitted decay exponent of the remainder when ε shrinks tenfold).
     */
    public static Check theorem6Expansion() {
        int k = 3;
        int m = 2;
        int n = k * m;
        int d = k;
        ReluLandscape land = ReluLandscape.identityTeacher(k, d, n);
        SplittableRandom rnd = new SplittableRandom(6);
        double[] base = new double[n * d];
        double[][] dirs = new double[n][d];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < m; j++) {
                int idx = i * m + j;
                base[idx * d + i] = 1.0 / m;
                double nn = 0;
                for (int q = 0; q < d; q++) {
                    dirs[idx][q] = q == i ? 0.0 : rnd.nextGaussian(); // ⊥ v_i: U^⊥
                    nn += dirs[idx][q] * dirs[idx][q];
                }
                double len = rnd.nextDouble(); // ‖g_ij‖ ≤ ε
                for (int q = 0; q < d; q++) {
                    dirs[idx][q] *= len / Math.sqrt(nn);
                }
            }
        }
        double[] epss = {1e-2, 1e-3, 1e-4};
        double[] remainder = new double[epss.length];
        double[] rem5 = new double[epss.length];
        double[] rem7 = new double[epss.length];
        double[] rem8 = new double[epss.length];
        double[] slack = new double[epss.length];
        double identityErr = 0;
        for (int t = 0; t < epss.length; t++) {
            double eps = epss[t];
            double[] g = new double[n * d];
            for (int idx = 0; idx < n; idx++) {
                for (int q = 0; q < d; q++) {
                    g[idx * d + q] = eps * dirs[idx][q];
                }
            }
            double[] x = base.clone();
            for (int p = 0; p < x.length; p++) {
                x[p] += g[p];
            }
            ReluBlockHessian h = land.hessianAt(x);
            double exact = h.quadraticForm(g);
            // Eq. (28) block by block
            double sum28 = 0;
            double main = 0;
            double r5 = 0;
            double r7 = 0;
            double r8 = 0;
            double[] blk = new double[d * d];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    h.block(a, b, blk);
                    double qf = form(blk, g, a * d, g, b * d, d);
                    sum28 += qf;
                    int ta = a / m;
                    int tb = b / m;
                    double dotab = dot(g, a * d, g, b * d, d);
                    if (a == b) {
                        main += 0.5 * dotab;
                    } else if (ta == tb) {
                        main += 0.5 * dotab;                                            // Lemma 8
                        r8 = Math.max(r8, Math.abs(qf - 0.5 * dotab));
                    } else {
                        double l7 = 0.25 * dotab + g[a * d + tb] * g[b * d + ta] / (2 * Math.PI);   // Lemma 7
                        main += l7;
                        r7 = Math.max(r7, Math.abs(qf - l7));
                    }
                }
                // Lemma 5: same-target h1 terms, and h1(w_ij, v_i)
                for (int b = 0; b < n; b++) {
                    if (b != a && b / m == a / m) {
                        double[] z = new double[d];
                        System.arraycopy(x, b * d, z, 0, d);
                        r5 = Math.max(r5, Math.abs(h1Form(x, a * d, z, 0, g, a * d, d)));
                    }
                }
                double[] vi = new double[d];
                vi[a / m] = 1.0;
                r5 = Math.max(r5, Math.abs(h1Form(x, a * d, vi, 0, g, a * d, d)));
            }
            identityErr = Math.max(identityErr, Math.abs(sum28 - exact) / Math.abs(exact));
            remainder[t] = Math.abs(exact - main);
            rem5[t] = r5;
            rem7[t] = r7;
            rem8[t] = r8;
            // Thm 6's bound
            double gTot = 0;
            double giSum = 0;
            double[] gAll = new double[d];
            for (int i = 0; i < k; i++) {
                double[] gi = new double[d];
                for (int j = 0; j < m; j++) {
                    for (int q = 0; q < d; q++) {
                        gi[q] += g[(i * m + j) * d + q];
                    }
                }
                for (int q = 0; q < d; q++) {
                    gAll[q] += gi[q];
                    giSum += gi[q] * gi[q];
                }
            }
            for (double e : gAll) {
                gTot += e * e;
            }
            slack[t] = exact - 0.25 * (gTot + (1 - 2 / Math.PI) * giSum);
        }
        double expRem = Math.log10(remainder[1] / remainder[2]);
        double exp5 = Math.log10(rem5[1] / rem5[2]);
        double exp7 = Math.log10(rem7[1] / rem7[2]);
        double exp8 = Math.log10(rem8[1] / rem8[2]);
        boolean ok = identityErr < 1e-12 && expRem >= 2.4 && exp5 >= 2.4 && exp7 >= 2.4 && exp8 >= 2.9;
        for (int t = 0; t < epss.length; t++) {
            ok &= slack[t] >= -remainder[t];
        }
        return new Check("Thm 6 (Eq. 28, Lemmas 5–8)", "near w̃_ij = v_i/m in U^⊥_ε: gᵀH(w)g = Eq. (28); the h1 "
                + "terms are O(ε^2.5) (Lemmas 5–6), cross-target h2 terms ¼⟨g_ij,g_ab⟩ + ⟨g_ij,v_a⟩⟨g_ab,v_i⟩/(2π) + "
                + "O(ε^2.5) (Lemma 7), same-target ½⟨g_ij,g_il⟩ + O(ε³) (Lemma 8); gᵀHg ≥ ¼(‖g‖² + (1−2/π)Σ‖g_i‖²) "
                + "− O(ε^2.5) (k = 3, m = 2)",
                f("Eq. (28) vs the Hessian's quadratic form: relative error %.1e; remainder of the main terms at "
                        + "ε = 1e-2, 1e-3, 1e-4: %.2e, %.2e, %.2e (decay exponent %.2f); Lemma 5 max term decay "
                        + "exponent %.2f, Lemma 7 remainder exponent %.2f, Lemma 8 remainder exponent %.2f; Thm 6 "
                        + "lhs − rhs: %.2e, %.2e, %.2e (≥ −remainder)", identityErr, remainder[0], remainder[1],
                        remainder[2], expRem, exp5, exp7, exp8, slack[0], slack[1], slack[2]), ok);
    }

    private static double dot(double[] x, int xo, double[] y, int yo, int d) {
        double s = 0;
        for (int q = 0; q < d; q++) {
            s += x[xo + q] * y[yo + q];
        }
        return s;
    }

    private static double form(double[] blk, double[] u, int uo, double[] v, int vo, int d) {
        double s = 0;
        for (int p = 0; p < d; p++) {
            double r = 0;
            for (int q = 0; q < d; q++) {
                r += blk[p * d + q] * v[vo + q];
            }
            s += u[uo + p] * r;
        }
        return s;
    }

    /** gᵀh1(w, z)g from the closed form (|| z ||/(2π‖w‖))[sin θ(‖g‖² − (w̄·g)²) + (p·g)²/sin θ]. */
    private static double h1Form(double[] w, int wo, double[] z, int zo, double[] g, int go, int d) {
        double rw = Math.sqrt(dot(w, wo, w, wo, d));
        double rz = Math.sqrt(dot(z, zo, z, zo, d));
        double cs = dot(w, wo, z, zo, d) / (rw * rz);
        double s2 = 0;
        for (int q = 0; q < d; q++) {
            double p = z[zo + q] / rz - cs * w[wo + q] / rw;
            s2 += p * p;
        }
        double s = Math.sqrt(s2);
        double wg = dot(w, wo, g, go, d) / rw;
        double zg = dot(z, zo, g, go, d) / rz;
        double pg = zg - cs * wg;
        double gg = dot(g, go, g, go, d);
        return rz / (2 * Math.PI * rw) * (s * (gg - wg * wg) + (s > 0 ? pg * pg / s : 0));
    }

    /** Lemma 9: Σ_i Σ_{j≠i} u_ij u_ji ≥ Σ_i u_ii² − Σ_i ‖u_i‖² for random matrices. */
    public static Check lemma9() {
        SplittableRandom rnd = new SplittableRandom(9);
        double minSlack = Double.POSITIVE_INFINITY;
        for (int t = 0; t < 2000; t++) {
            int n = 1 + rnd.nextInt(8);
            double[][] u = new double[n][n];
            for (double[] row : u) {
                for (int q = 0; q < n; q++) {
                    row[q] = rnd.nextGaussian() * (t % 2 == 0 ? 1 : rnd.nextDouble());
                }
            }
            if (t % 3 == 0) {
                for (int i = 0; i < n; i++) {       // antisymmetric off-diagonal: the tight case
                    for (int j = 0; j < i; j++) {
                        u[i][j] = -u[j][i];
                    }
                }
            }
            double lhs = 0;
            double rhs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        lhs += u[i][j] * u[j][i];
                    }
                    rhs -= u[i][j] * u[i][j];
                }
                rhs += u[i][i] * u[i][i];
            }
            minSlack = Math.min(minSlack, lhs - rhs);
        }
        return new Check("Lemma 9", "for u_1, …, u_n ∈ R^n: Σ_i Σ_{j≠i} u_ij u_ji ≥ Σ_i u_ii² − Σ_i ‖u_i‖²",
                f("2000 random matrices n = 1…8 (a third with antisymmetric off-diagonal part, where it is tight): "
                        + "min (lhs − rhs) = %.2e", minSlack), minSlack >= -1e-12);
    }

    /**
     * Lemma 10. The origin is not a local minimum (F(εv₁, 0, …) &lt; F(0) for small ε &gt; 0). The paper's "not a local
     * maximum" half is false for k ≥ 2: its proof uses f(εv₁, v_j) = εf(v₁, v_j) also for ε &lt; 0, but f is only
     * positively homogeneous. For every direction w ≠ 0, F(tw) = ½At² − Bt + F(0) (t ≥ 0) with B = Σ f(w_i, v_l) &gt; 0
     * (no w_i is antiparallel to two orthogonal teachers), so F &lt; F(0) on a punctured ball: a strict local maximum.
     */
    public static Check lemma10() {
        StringBuilder sb = new StringBuilder();
        boolean ok = true;
        for (int k : new int[] {1, 2, 5}) {
            int n = 2;
            ReluLandscape land = ReluLandscape.identityTeacher(k, k, n);
            double f0 = land.value(new double[n * k]);
            double eps = 1e-3;
            double[] x = new double[n * k];
            x[0] = eps;
            double drop = f0 - land.value(x);
            double exact = eps * (0.5 + (k - 1) / (2 * Math.PI)) - eps * eps / 4;
            ok &= drop > 0 && Math.abs(drop - exact) < 1e-15;
            // the other direction, −εv₁, and the sampled maximum over directions of F(εw) − F(0)
            x[0] = -eps;
            double negative = land.value(x) - f0;
            SplittableRandom rnd = new SplittableRandom(k);
            double maxRise = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < 2000; s++) {
                double[] w = new double[n * k];
                double nn = 0;
                for (int p = 0; p < w.length; p++) {
                    w[p] = rnd.nextGaussian();
                    nn += w[p] * w[p];
                }
                for (int p = 0; p < w.length; p++) {
                    w[p] *= eps / Math.sqrt(nn);
                }
                if (s == 0 && k == 1) {
                    java.util.Arrays.fill(w, 0.0);
                    w[0] = -eps;
                    w[k] = -eps;
                }
                maxRise = Math.max(maxRise, land.value(w) - f0);
            }
            sb.append(f("k = %d: F(0) − F(εv₁) = %.6e (exact ε(½ + (k−1)/(2π)) − ε²/4 = %.6e; paper's εc, c = "
                    + "(k−1)/(2π) + ¼: %.6e), F(−εv₁) − F(0) = %.3e, max over 2000 directions of F(εw) − F(0) "
                    + "(‖w‖ = 1) = %.3e; ", k, drop, exact, eps * ((k - 1) / (2 * Math.PI) + 0.25), negative,
                    maxRise));
            if (k == 1) {
                ok &= maxRise > 0;   // k = 1: w_i = −v₁ raises F: not a local max
            } else {
                ok &= maxRise < 0 && negative < 0;
            }
        }
        return new Check("Lemma 10", "the origin is not a local minimum (true); the paper also claims it is not a "
                + "local maximum — that holds for k = 1 but is FALSE for k ≥ 2 (orthonormal teachers): there the "
                + "origin is a strict local maximum. Proof: for ‖w‖ = 1, B = Σ_{i,l} f(w_i, v_l) ≥ Σ_i‖w_i‖ · "
                + "s(3π/4)/(2π) ≥ 0.0241 (two orthogonal teachers cannot both make an angle > 3π/4 with w_i) and "
                + "A ≤ ½(Σ‖w_i‖)² ≤ n/2, so F(tw) − F(0) ≤ nt²/4 − 0.0241t < 0 for 0 < t < 0.0966/n. The paper's "
                + "proof applies f(εv₁, v_j) = εf(v₁, v_j) to ε < 0. Lemma 11 (no local maxima) is affected only at "
                + "the origin, where F is not differentiable; Thms 8–9 use only the 'not a minimum' half",
                sb.toString(), ok);
    }

    /** Lemma 11: F is a convex quadratic along rays, with A = E(Σ[w_i·x]_+)² &gt; 0, so no local maxima off 0. */
    public static Check lemma11() {
        SplittableRandom rnd = new SplittableRandom(11);
        double worst = 0;
        double minA = Double.POSITIVE_INFINITY;
        for (int t = 0; t < 20; t++) {
            int k = 2 + rnd.nextInt(4);
            int n = 1 + rnd.nextInt(6);
            ReluLandscape land = ReluLandscape.identityTeacher(k, k, n);
            double[] x = new double[n * k];
            for (int p = 0; p < x.length; p++) {
                x[p] = rnd.nextGaussian();
            }
            ReluLandscape.Ray ray = land.ray(x);
            minA = Math.min(minA, ray.quadratic());
            for (double s : new double[] {0.25, 0.5, 2.0, 3.0}) {
                double[] y = x.clone();
                for (int p = 0; p < y.length; p++) {
                    y[p] *= s;
                }
                worst = Math.max(worst, Math.abs(land.value(y) - ray.valueAt(s)) / Math.max(1, land.value(y)));
            }
        }
        return new Check("Lemma 11 (Eq. 66)", "F(tw) = ½t²Σf(w_i,w_j) − tΣf(w_i,v_j) + ½Σf(v_i,v_j) for t ≥ 0, "
                + "strongly convex in t for w ≠ 0 (no local maxima away from the origin)",
                f("20 random points: max relative |F(tw) − quadratic| = %.1e over t ∈ {¼, ½, 2, 3}; min A = %.3f > 0",
                        worst, minA), worst < 1e-13 && minA > 0);
    }

    /** The spurious minima of paper 002 §4.3 (Example 1: k = n = 6; Example 2: k = 8, n = 9), one neuron per row. */
    static double[][][] paperMinima() {
        double[][] w1 = new double[6][6];
        w1[0] = new double[] {-0.60151, 0.22452, 0.22452, 0.22452, 0.22452, 0.22452};
        for (int j = 1; j < 6; j++) {
            w1[j][0] = 0.30801;
            for (int c = 1; c < 6; c++) {
                w1[j][c] = c == j ? 0.98670 : -0.05041;
            }
        }
        double[][] w2 = new double[9][8];
        for (int j = 0; j < 7; j++) {
            for (int c = 0; c < 7; c++) {
                w2[j][c] = c == j ? 0.9841 : -0.0298;
            }
            w2[j][7] = 0.2301;
        }
        for (int c = 0; c < 7; c++) {
            w2[7][c] = 0.1263;
            w2[8][c] = 0.0687;
        }
        w2[7][7] = -0.189;
        w2[8][7] = -0.4862;
        return new double[][][] {w1, w2};
    }

    static double[] flat(double[][] w) {
        int d = w[0].length;
        double[] x = new double[w.length * d];
        for (int i = 0; i < w.length; i++) {
            System.arraycopy(w[i], 0, x, i * d, d);
        }
        return x;
    }

    /** Prop. 1, Thm 8, Thm 9 at the certified spurious minima of paper 002 §4.3 (polished by the certifier). */
    public static List<Check> minimaChecks() {
        List<Check> out = new ArrayList<>();
        StringBuilder p1 = new StringBuilder();
        StringBuilder t8 = new StringBuilder();
        StringBuilder t9 = new StringBuilder();
        boolean ok1 = true;
        boolean ok8 = true;
        boolean ok9 = true;
        for (double[][] w : paperMinima()) {
            int n = w.length;
            int d = w[0].length;
            Problem problem = Problem.identityTeacher(d, d, n);
            Certificate c = Certifier.certify(problem, flat(w), Options.defaults().withPolish(true));
            double[] x = c.point();
            ReluLandscape land = new ReluLandscape(problem);
            ReluLandscape.PointAnalysis a = land.analyse(x);
            ok1 &= c.certified() && a.normSum() <= (double) d * n && Math.abs(a.optimalRayScale() - 1) < 1e-10;
            p1.append(f("k = %d, n = %d (certified: %s, radius %.1e): Σ‖w_i‖ = %.6f ≤ kn = %d (and ≤ k), t* = 1 %+.1e; ",
                    d, n, c.certified(), c.radius(), a.normSum(), d * n, a.optimalRayScale() - 1));
            // Thm 8 (n ≤ k): some neuron has Eq. (72) < 0; the proof's two sums for the neuron of largest norm
            if (n <= d) {
                int best = 0;
                for (int i = 1; i < n; i++) {
                    if (land.hessianAt(x).norm(i) > land.hessianAt(x).norm(best)) {
                        best = i;
                    }
                }
                int negatives = 0;
                for (double s : a.signTest()) {
                    negatives += s < 0 ? 1 : 0;
                }
                ReluBlockHessian h = land.hessianAt(x);
                double sumV = 0;
                double sumW = 0;
                for (int l = 0; l < d; l++) {
                    sumV += h.sinTeacher(best, l);
                }
                for (int j = 0; j < n; j++) {
                    if (j != best) {
                        sumW += h.sinStudent(best, j) * h.norm(j);
                    }
                }
                ok8 &= negatives > 0 && a.normSum() <= d && a.signTest()[best] < 0;
                t8.append(f("k = n = %d: Eq. (72) negative for %d of %d neurons; largest-norm neuron %d: "
                        + "Σ_j sin θ(w_i, v_j) = %.4f (proof: ≥ k−1 = %d), Σ_{j≠i} sin θ_ij‖w_j‖ = %.4f (proof: ≤ "
                        + "k−1), Eq. (72) = %.4f; ", d, negatives, n, best + 1, sumV, d - 1, sumW, a.signTest()[best]));
            }
            // Thm 9: every neuron with H'_ii not PSD splits into a saddle: Lemma 13 at α = ½, 0.3 in floating point
            int[] split = a.splittableNeurons();
            double worst = Double.NEGATIVE_INFINITY;
            double lemmaErr = 0;
            for (int i : split) {
                double[] u = land.primeBlockMinimalDirection(x, i);
                for (double alpha : new double[] {0.3, 0.5}) {
                    double[] s = land.split(x, i, alpha);
                    ReluLandscape sl = new ReluLandscape(land.splitProblem(i));
                    double q = sl.hessianAt(s).quadraticForm(land.escapeDirection(i, u));
                    double closed = (1 / alpha + 1 / (1 - alpha)) * a.blockLambdaMin()[i];
                    lemmaErr = Math.max(lemmaErr, Math.abs(q - closed));
                    worst = Math.max(worst, q);
                    double gs = norm(sl.gradient(s));
                    ok9 &= gs < 10 * a.gradientNorm() + 1e-12 && Math.abs(sl.value(s) - a.objective()) < 1e-14;
                }
            }
            ok9 &= split.length > 0 && worst < 0 && lemmaErr < 1e-12;
            t9.append(f("k = %d, n = %d: %d of %d blocks H'_ii have a negative eigenvalue (min %.5f); splitting each "
                    + "at α ∈ {0.3, ½}: F unchanged, ‖∇F‖ at the original's level (%.1e), escape curvature ≤ %.5f, "
                    + "|direct − λ(1/α + 1/(1−α))| ≤ %.1e; ", d, n, split.length, n, min(a.blockLambdaMin()),
                    a.gradientNorm(), worst, lemmaErr));
        }
        out.add(new Check("Prop. 1", "every local minimum has Σ‖w_i‖ ≤ kn; at a minimum the optimal ray scale t* = 1",
                p1.toString(), ok1));
        out.add(new Check("Thm 8", "n ≤ k, a non-global minimum with Σ‖w_i‖ ≤ k: some neuron has Eq. (72) < 0, so "
                + "its split is a saddle for every α", t8.toString(), ok8));
        out.add(new Check("Thm 9, Lemmas 12–13", "splitting a neuron with H'_ii not PSD gives a critical point "
                + "(F and ∇F unchanged) where (…, u, −u, …) has curvature λ(1/α + 1/(1−α)) < 0; proven for these "
                + "minima by certify --saddle (docs/mild-overparameterization/saddles.md)", t9.toString(), ok9));
        return out;
    }

    private static double min(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double e : x) {
            m = Math.min(m, e);
        }
        return m;
    }

    /** The checks as a Markdown report (a title, how it was made, the table). */
    public static String markdown(List<Check> checks) {
        StringBuilder sb = new StringBuilder();
        long passed = checks.stream().filter(Check::passed).count();
        sb.append("# Paper 000 (mild over-parameterization): the theorems as executable checks\n\n")
                .append("Generated by `./landscape check mild-overparameterization --out "
                        + "docs/mild-overparameterization/theorems.md` (`io.landscape.impl.overparam.TheoremChecks`, "
                        + "also run as the JUnit test `TheoremChecksTest`). ½ convention, teachers v_j = e_j. A check "
                        + "passes when the computed numbers behave as the *claim* column says; where the paper is "
                        + "wrong the claim says so and what holds instead. ")
                .append(passed).append(" of ").append(checks.size()).append(" checks pass.\n\n");
        sb.append("| check | claim | computed | result |\n|---|---|---|---|\n");
        for (Check c : checks) {
            sb.append("| ").append(c.id()).append(" | ").append(c.claim().replace("|", "\\|")).append(" | ")
                    .append(c.evidence().replace("|", "\\|").trim()).append(" | ")
                    .append(c.passed() ? "pass" : "**FAIL**").append(" |\n");
        }
        return sb.toString();
    }
}
