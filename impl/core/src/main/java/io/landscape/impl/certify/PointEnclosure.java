package io.landscape.impl.certify;

/**
 * Rigorous enclosures, at one point, of every pairwise quantity of the ReLU teacher–student loss and of F and ∇F.
 *
 * <p>With κ(w, z) = (‖w‖‖z‖/(2π))(sin θ + (π − θ) cos θ) (Cho &amp; Saul; paper 002 Eq. 7), output weights a (students),
 * b (teacher) and normalisation factor c (1 for ½, 2 for full):
 * <pre>
 *   F/c  = Σ_i ¼a_i²‖w_i‖² + Σ_{i&lt;j} a_i a_j κ(w_i, w_j) − Σ_{i,l} a_i b_l κ(w_i, v_l) + ½ Σ_{l,m} b_l b_m κ(v_l, v_m)
 *   ∇_i/c = C_ii w_i + Σ_{j≠i} C_ij w_j + Σ_l E_il v_l,
 *   C_ii = ½a_i² + S_i,   S_i = Σ_{j≠i} a_i a_j ‖w_j‖ sin θ_ij /(2π‖w_i‖) − Σ_l a_i b_l ‖v_l‖ sin θ_il /(2π‖w_i‖),
 *   C_ij = a_i a_j (π − θ_ij)/(2π),   E_il = −a_i b_l (π − θ_il)/(2π),
 * </pre>
 * which is paper 002 Eq. 8 (g(w, v) = (‖v‖ sin θ w̄ + (π − θ) v)/(2π)) regrouped. The n×n matrix c·C is exactly the
 * matrix M of paper 002 Lemma 3 (see {@link PaddingSpectrum}).
 *
 * <p>Dot products are accumulated in interval arithmetic (each product and each partial sum rounded outward), norms are
 * square roots of enclosed Gram entries, cos θ = w·z/(‖w‖‖z‖) is clipped to [−1, 1], sin θ = √((1 − cos θ)(1 + cos θ))
 * and θ = arccos(cos θ) ({@link Interval#acos()}). Near θ ∈ {0, π} the enclosures of θ and sin θ widen like the square
 * root of the cosine's width (≈ 10⁻⁸), which is still sound. Neurons whose norm encloses 0 are reported through
 * {@link #zeroNeuron()} and nothing else is computed. Immutable after construction.
 */
final class PointEnclosure {
    final int n;
    final int k;
    final int d;
    final double[] x;       // the point, flat n*d (not copied: owned by the caller for the duration)
    final double[] v;       // teacher, flat k*d
    final double[] a;
    final double[] b;
    final double scale;
    /** Student norms ‖w_i‖ and teacher norms ‖v_l‖. */
    final Interval[] r;
    final Interval[] rho;
    /** Student–student (n×n, symmetric, diagonal unused) and student–teacher (n×k) cos θ, sin θ, θ. */
    final Interval[] cosWW;
    final Interval[] sinWW;
    final Interval[] thWW;
    final Interval[] cosWV;
    final Interval[] sinWV;
    final Interval[] thWV;
    /** S_i, C (n×n) and E (n×k) of the class comment (without the factor c). */
    final Interval[] selfS;
    final Interval[] coefC;
    final Interval[] coefE;
    private final int zeroNeuron;
    private Interval objective;
    private double[] gradLo;
    private double[] gradHi;

    PointEnclosure(double[][] teacher, double[] a, double[] b, double scale, double[] x) {
        this.k = teacher.length;
        this.d = teacher[0].length;
        this.n = x.length / d;
        this.x = x;
        this.a = a;
        this.b = b;
        this.scale = scale;
        this.v = new double[k * d];
        for (int l = 0; l < k; l++) {
            System.arraycopy(teacher[l], 0, v, l * d, d);
        }
        this.r = new Interval[n];
        this.rho = new Interval[k];
        int zero = -1;
        for (int i = 0; i < n; i++) {
            r[i] = dot(x, i * d, x, i * d, d).clipNonNegative().sqrt();
            if (r[i].lo() <= 0.0 && zero < 0) {
                zero = i;
            }
        }
        for (int l = 0; l < k; l++) {
            rho[l] = dot(v, l * d, v, l * d, d).clipNonNegative().sqrt();
            if (rho[l].lo() <= 0.0) {
                throw new IllegalArgumentException("teacher neuron " + (l + 1) + " is (numerically) zero");
            }
        }
        this.zeroNeuron = zero;
        this.cosWW = new Interval[n * n];
        this.sinWW = new Interval[n * n];
        this.thWW = new Interval[n * n];
        this.cosWV = new Interval[n * k];
        this.sinWV = new Interval[n * k];
        this.thWV = new Interval[n * k];
        this.selfS = new Interval[n];
        this.coefC = new Interval[n * n];
        this.coefE = new Interval[n * k];
        if (zero >= 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Interval[] a3 = angle(x, i * d, r[i], x, j * d, r[j], d);
                cosWW[i * n + j] = cosWW[j * n + i] = a3[0];
                sinWW[i * n + j] = sinWW[j * n + i] = a3[1];
                thWW[i * n + j] = thWW[j * n + i] = a3[2];
            }
            for (int l = 0; l < k; l++) {
                Interval[] a3 = angle(x, i * d, r[i], v, l * d, rho[l], d);
                cosWV[i * k + l] = a3[0];
                sinWV[i * k + l] = a3[1];
                thWV[i * k + l] = a3[2];
            }
        }
        for (int i = 0; i < n; i++) {
            Interval sum = Interval.ZERO;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sum = sum.add(r[j].mul(sinWW[i * n + j]).mul(a[i]).mul(a[j]));
                    coefC[i * n + j] = Interval.PI.sub(thWW[i * n + j]).mul(Interval.INV_2PI).mul(a[i]).mul(a[j]);
                }
            }
            for (int l = 0; l < k; l++) {
                sum = sum.sub(rho[l].mul(sinWV[i * k + l]).mul(a[i]).mul(b[l]));
                coefE[i * k + l] = Interval.PI.sub(thWV[i * k + l]).mul(Interval.INV_2PI).mul(a[i]).mul(b[l]).neg();
            }
            selfS[i] = sum.mul(Interval.INV_2PI).div(r[i]);
            coefC[i * n + i] = selfS[i].add(Interval.of(0.5).mul(a[i]).mul(a[i]));
        }
    }

    /**
     * {cos θ, sin θ, θ} of the vectors xs[xo..xo+len) and ys[yo..yo+len) with enclosed norms rx, ry. From the cosine
     * c = x·y/(‖x‖‖y‖): sin θ = √((1 − c)(1 + c)), θ = arccos c. Near θ ∈ {0, π} these lose half the digits (an
     * enclosure of c of width 10⁻¹⁶ gives θ to ±10⁻⁸), so when |c| &gt; 0.9 the chord δ = ‖x̄ ∓ ȳ‖ is also enclosed
     * componentwise and θ = 2 arcsin(δ/2) (or π minus it), sin θ = δ√(1 − δ²/4), cos θ = ±(1 − δ²/2) (exact
     * identities); the two enclosures of each quantity are intersected (both contain the true value).
     */
    static Interval[] angle(double[] xs, int xo, Interval rx, double[] ys, int yo, Interval ry, int len) {
        Interval c = dot(xs, xo, ys, yo, len).div(rx.mul(ry)).clip(-1.0, 1.0);
        Interval s = sinFromCos(c);
        Interval th = c.acos();
        if (c.lo() > 0.9 || c.hi() < -0.9) {
            boolean parallel = c.lo() > 0.9;
            double sq = 0.0;
            double sqLo = 0.0;
            for (int q = 0; q < len; q++) {
                Interval u = unit(xs[xo + q], rx);
                Interval w = unit(ys[yo + q], ry);
                Interval diff = parallel ? u.sub(w) : u.add(w);
                Interval d2 = diff.sqr();
                sqLo = Interval.addDown(sqLo, d2.lo());
                sq = Interval.addUp(sq, d2.hi());
            }
            Interval delta = Interval.of(sqLo, sq).sqrt();
            Interval half = delta.mul(0.5).clip(0.0, 1.0);
            Interval alpha = half.asin().mul(2.0).clipNonNegative();
            Interval dd = delta.sqr();
            Interval sinChord = delta.mul(Interval.ONE.sub(dd.mul(0.25)).clipNonNegative().sqrt());
            Interval cosChord = Interval.ONE.sub(dd.mul(0.5));
            Interval thChord = parallel ? alpha : Interval.PI.sub(alpha);
            if (!parallel) {
                cosChord = cosChord.neg();
            }
            c = intersect(c, cosChord);
            s = intersect(s, sinChord);
            th = intersect(th, thChord);
        }
        return new Interval[] {c, s, th};
    }

    /** x / r for an exact x and an enclosed r &gt; 0. */
    static Interval unit(double x, Interval r) {
        if (x >= 0) {
            return Interval.of(Interval.divDown(x, r.hi()), Interval.divUp(x, r.lo()));
        }
        return Interval.of(Interval.divDown(x, r.lo()), Interval.divUp(x, r.hi()));
    }

    /** The intersection of two enclosures of the same real (non-empty in exact arithmetic). */
    private static Interval intersect(Interval a, Interval b) {
        double lo = Math.max(a.lo(), b.lo());
        double hi = Math.min(a.hi(), b.hi());
        if (!(lo <= hi)) {
            throw new IllegalStateException("disjoint enclosures " + a + " and " + b + " of the same number");
        }
        return Interval.of(lo, hi);
    }

    /** √((1 − c)(1 + c)) for c ∈ [−1, 1]. */
    static Interval sinFromCos(Interval c) {
        return Interval.ONE.sub(c).mul(Interval.ONE.add(c)).clipNonNegative().sqrt().clip(0.0, 1.0);
    }

    /** Σ_q x[xo+q]·y[yo+q], enclosed (outward rounding after every product and every addition). */
    static Interval dot(double[] xs, int xo, double[] ys, int yo, int len) {
        double lo = 0.0;
        double hi = 0.0;
        for (int q = 0; q < len; q++) {
            double p = xs[xo + q] * ys[yo + q];
            lo = Interval.addDown(lo, Math.nextDown(p));
            hi = Interval.addUp(hi, Math.nextUp(p));
        }
        return Interval.of(lo, hi);
    }

    /** Index of the first student neuron whose norm encloses 0, or −1. */
    int zeroNeuron() {
        return zeroNeuron;
    }

    /** κ(w, z) = (‖w‖‖z‖/(2π))(sin θ + (π − θ) cos θ), enclosed. */
    static Interval kappa(Interval rw, Interval rz, Interval c, Interval s, Interval th) {
        return rw.mul(rz).mul(Interval.INV_2PI).mul(s.add(Interval.PI.sub(th).mul(c)));
    }

    /** F at the point, enclosed. */
    Interval objective() {
        if (objective == null) {
            Interval f = Interval.ZERO;
            for (int i = 0; i < n; i++) {
                f = f.add(r[i].sqr().mul(Interval.of(0.25).mul(a[i]).mul(a[i])));
                for (int j = i + 1; j < n; j++) {
                    int ij = i * n + j;
                    f = f.add(kappa(r[i], r[j], cosWW[ij], sinWW[ij], thWW[ij]).mul(a[i]).mul(a[j]));
                }
                for (int l = 0; l < k; l++) {
                    int il = i * k + l;
                    f = f.sub(kappa(r[i], rho[l], cosWV[il], sinWV[il], thWV[il]).mul(a[i]).mul(b[l]));
                }
            }
            for (int l = 0; l < k; l++) {
                f = f.add(rho[l].sqr().mul(Interval.of(0.25).mul(b[l]).mul(b[l])));
                for (int m = l + 1; m < k; m++) {
                    Interval[] a3 = angle(v, l * d, rho[l], v, m * d, rho[m], d);
                    f = f.add(kappa(rho[l], rho[m], a3[0], a3[1], a3[2]).mul(b[l]).mul(b[m]));
                }
            }
            objective = f.mul(scale);
        }
        return objective;
    }

    private void gradient() {
        if (gradLo != null) {
            return;
        }
        double[] lo = new double[n * d];
        double[] hi = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < d; q++) {
                double sl = 0.0;
                double sh = 0.0;
                for (int j = 0; j < n; j++) {
                    Interval c = coefC[i * n + j];
                    double w = x[j * d + q];
                    sl = Interval.addDown(sl, w >= 0 ? Interval.mulDown(c.lo(), w) : Interval.mulDown(c.hi(), w));
                    sh = Interval.addUp(sh, w >= 0 ? Interval.mulUp(c.hi(), w) : Interval.mulUp(c.lo(), w));
                }
                for (int l = 0; l < k; l++) {
                    Interval e = coefE[i * k + l];
                    double w = v[l * d + q];
                    sl = Interval.addDown(sl, w >= 0 ? Interval.mulDown(e.lo(), w) : Interval.mulDown(e.hi(), w));
                    sh = Interval.addUp(sh, w >= 0 ? Interval.mulUp(e.hi(), w) : Interval.mulUp(e.lo(), w));
                }
                // scale is 1 or 2 (exact); multiply with outward rounding anyway
                lo[i * d + q] = Interval.mulDown(sl, scale);
                hi[i * d + q] = Interval.mulUp(sh, scale);
            }
        }
        gradLo = lo;
        gradHi = hi;
    }

    /** The enclosure of ∂F/∂x_p. */
    Interval gradientEntry(int p) {
        gradient();
        return Interval.of(gradLo[p], gradHi[p]);
    }

    /** ‖(hi − lo)/2‖₂ of the gradient enclosure (rounded up): how well ∇F is known at this point. */
    double gradientRadiusNorm() {
        gradient();
        double s = 0.0;
        for (int p = 0; p < n * d; p++) {
            double r = Interval.mulUp(0.5, Interval.subUp(gradHi[p], gradLo[p]));
            s = Interval.addUp(s, Interval.mulUp(r, r));
        }
        return Interval.sqrtUp(s);
    }

    /** A rigorous upper bound of ‖∇F‖₂. */
    double gradientNormUpperBound() {
        gradient();
        double s = 0.0;
        for (int p = 0; p < n * d; p++) {
            double m = Math.max(Math.abs(gradLo[p]), Math.abs(gradHi[p]));
            s = Interval.addUp(s, Interval.mulUp(m, m));
        }
        return Interval.sqrtUp(s);
    }
}
