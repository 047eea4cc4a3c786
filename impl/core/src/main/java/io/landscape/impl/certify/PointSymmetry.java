package io.landscape.impl.certify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A group G = S_{m_1} × … × S_{m_C} of simultaneous permutations of student neurons and input coordinates that fixes
 * an identity-teacher point (d = k, v_l = e_l), with the orthogonal integer test vectors of its isotypic components
 * (see the package documentation for the derivation).
 *
 * <p>Factor c acts on m_c positions: on a <em>neuron track</em> (neurons A_c[0..m_c)) and/or a <em>coordinate
 * track</em> (coordinates B_c[0..m_c)), the same permutation of positions on both; every neuron and coordinate not on a
 * track is fixed. A factor with both tracks is a "matched" block of the point (W[A_p, B_p] = α, W[A_p, B_p'] = β for
 * p ≠ p'); a coordinate-only factor is a set of interchangeable coordinates (equal columns). Immutable.
 */
final class PointSymmetry {
    final int n;
    final int d;
    /** Per factor: the neurons at positions 0..m−1, or null (coordinate-only factor). */
    final int[][] neuronTrack;
    /** Per factor: the coordinates at positions 0..m−1 (never null here: neuron-only factors are not used). */
    final int[][] coordTrack;
    /** Factor and position of each neuron / coordinate, −1 when fixed. */
    final int[] nf;
    final int[] np;
    final int[] cf;
    final int[] cp;

    /** One isotypic component: its irreducible's name and dimension and one test vector per copy (integer entries). */
    record Block(String name, int dim, List<SparseVector> copies) {
    }

    /** An integer vector over the parameters (index i·d + q), sorted indices, exact small integers as doubles. */
    record SparseVector(int[] index, double[] value) {
        /** ‖y‖², exact (a small integer). */
        double normSquared() {
            double s = 0;
            for (double v : value) {
                s += v * v;
            }
            return s;
        }
    }

    private PointSymmetry(int n, int d, int[][] neuronTrack, int[][] coordTrack) {
        this.n = n;
        this.d = d;
        this.neuronTrack = neuronTrack;
        this.coordTrack = coordTrack;
        nf = new int[n];
        np = new int[n];
        cf = new int[d];
        cp = new int[d];
        Arrays.fill(nf, -1);
        Arrays.fill(cf, -1);
        for (int c = 0; c < neuronTrack.length; c++) {
            int m = coordTrack[c].length;
            if (m < 2 || neuronTrack[c] != null && neuronTrack[c].length != m) {
                throw new IllegalArgumentException("factor " + c + ": tracks of unequal length or shorter than 2");
            }
            for (int p = 0; p < m; p++) {
                int q = coordTrack[c][p];
                if (q < 0 || q >= d || cf[q] >= 0) {
                    throw new IllegalArgumentException("coordinate " + q + " is not in 0.." + (d - 1) + " or on two tracks");
                }
                cf[q] = c;
                cp[q] = p;
                if (neuronTrack[c] != null) {
                    int i = neuronTrack[c][p];
                    if (i < 0 || i >= n || nf[i] >= 0) {
                        throw new IllegalArgumentException("neuron " + i + " is not in 0.." + (n - 1) + " or on two tracks");
                    }
                    nf[i] = c;
                    np[i] = p;
                }
            }
        }
    }

    /**
     * The group with the given tracks (per factor a neuron track or null, and a coordinate track of the same length
     * ≥ 2; tracks disjoint). Nothing is checked against a point: see {@link #fixes}.
     */
    static PointSymmetry of(int n, int d, int[][] neuronTracks, int[][] coordTracks) {
        if (neuronTracks.length != coordTracks.length) {
            throw new IllegalArgumentException("one neuron track (or null) per coordinate track");
        }
        return new PointSymmetry(n, d, neuronTracks.clone(), coordTracks.clone());
    }

    int factors() {
        return coordTrack.length;
    }

    int size(int c) {
        return coordTrack[c].length;
    }

    /** "S9×S11" (the orders of the factors; coordinate-only factors marked with a prime), "1" for none. */
    String describe() {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < factors(); c++) {
            s.append(c > 0 ? "×" : "").append('S').append(size(c)).append(neuronTrack[c] == null ? "'" : "");
        }
        return s.length() == 0 ? "1" : s.toString();
    }

    // ------------------------------------------------------------------------------------------------ detection

    /**
     * Detects the largest group of this form that fixes x (flat n·d) up to {@code tol}, with student output weights a
     * and teacher output weights b (b_q belongs to coordinate q) kept exactly; null when there is none (every factor
     * would be trivial). Entries are grouped into value classes (sorted, a new class at a gap &gt; tol; a class wider
     * than 8·tol is ambiguous: null), neurons and coordinates are coloured by colour refinement on the class matrix,
     * and a neuron colour class N is matched with a coordinate colour class Q of the same size when every neuron of N
     * has one value α at exactly one coordinate of Q and β ≠ α at the others, these coordinates being distinct
     * (a bijection). Unmatched coordinate classes with equal columns are coordinate-only factors; every other neuron
     * and coordinate is fixed. The result is only a candidate: the caller symmetrizes, checks the distance moved and
     * verifies exact invariance ({@link #fixes}).
     */
    static PointSymmetry detect(double[] x, int n, int d, double[] a, double[] b, double tol) {
        int m = n * d;
        Integer[] order = new Integer[m];
        for (int p = 0; p < m; p++) {
            order[p] = p;
        }
        Arrays.sort(order, (p, r) -> Double.compare(x[p], x[r]));
        int[] val = new int[m];
        int cls = 0;
        double start = x[order[0]];
        for (int t = 0; t < m; t++) {
            double v = x[order[t]];
            if (t > 0 && v - x[order[t - 1]] > tol) {
                cls++;
                start = v;
            }
            if (v - start > 8 * tol) {
                return null; // a chain of close values: no clear classes
            }
            val[order[t]] = cls;
        }
        int[] ncol = initialColours(a, n);
        int[] ccol = initialColours(b, d);
        int nCount = count(ncol);
        int cCount = count(ccol);
        while (true) {
            int[] nNew = refine(ncol, ccol, val, n, d, true);
            int[] cNew = refine(ccol, nNew, val, n, d, false);
            int nc = count(nNew);
            int cc = count(cNew);
            ncol = nNew;
            ccol = cNew;
            if (nc == nCount && cc == cCount) {
                break;
            }
            nCount = nc;
            cCount = cc;
        }
        List<int[]> nClasses = classes(ncol, nCount);
        List<int[]> cClasses = classes(ccol, cCount);
        boolean[] cUsed = new boolean[cClasses.size()];
        List<int[]> nTracks = new ArrayList<>();
        List<int[]> cTracks = new ArrayList<>();
        for (int[] nc : nClasses) {
            if (nc.length < 2) {
                continue;
            }
            for (int t = 0; t < cClasses.size(); t++) {
                int[] qc = cClasses.get(t);
                if (cUsed[t] || qc.length != nc.length) {
                    continue;
                }
                int[] match = matching(nc, qc, val, d);
                if (match != null) {
                    cUsed[t] = true;
                    // positions ordered by coordinate; the neuron at position p is the one matched with B[p]
                    int[] bTrack = qc.clone();
                    Arrays.sort(bTrack);
                    int[] aTrack = new int[nc.length];
                    for (int p = 0; p < bTrack.length; p++) {
                        for (int s = 0; s < nc.length; s++) {
                            if (match[s] == bTrack[p]) {
                                aTrack[p] = nc[s];
                            }
                        }
                    }
                    nTracks.add(aTrack);
                    cTracks.add(bTrack);
                    break;
                }
            }
        }
        for (int t = 0; t < cClasses.size(); t++) {
            int[] qc = cClasses.get(t);
            if (cUsed[t] || qc.length < 2 || !equalColumns(qc, val, n, d)) {
                continue;
            }
            int[] bTrack = qc.clone();
            Arrays.sort(bTrack);
            nTracks.add(null);
            cTracks.add(bTrack);
        }
        if (cTracks.isEmpty()) {
            return null;
        }
        return new PointSymmetry(n, d, nTracks.toArray(new int[0][]), cTracks.toArray(new int[0][]));
    }

    private static int[] initialColours(double[] w, int len) {
        Map<Long, Integer> ids = new HashMap<>();
        int[] col = new int[len];
        for (int i = 0; i < len; i++) {
            long bits = Double.doubleToLongBits(w[i] == 0.0 ? 0.0 : w[i]);
            col[i] = ids.computeIfAbsent(bits, key -> ids.size());
        }
        return col;
    }

    private static int count(int[] col) {
        int max = -1;
        for (int c : col) {
            max = Math.max(max, c);
        }
        return max + 1;
    }

    /** New colours of the rows (neurons) or columns: own colour plus the sorted multiset of (other colour, class). */
    private static int[] refine(int[] own, int[] other, int[] val, int n, int d, boolean rows) {
        int len = rows ? n : d;
        int across = rows ? d : n;
        Map<List<Long>, Integer> ids = new HashMap<>();
        int[] out = new int[len];
        long[] sig = new long[across];
        for (int s = 0; s < len; s++) {
            for (int t = 0; t < across; t++) {
                int v = rows ? val[s * d + t] : val[t * d + s];
                sig[t] = ((long) other[t] << 32) | v;
            }
            Arrays.sort(sig);
            List<Long> key = new ArrayList<>(across + 1);
            key.add((long) own[s]);
            for (long g : sig) {
                key.add(g);
            }
            out[s] = ids.computeIfAbsent(key, k -> ids.size());
        }
        return out;
    }

    private static List<int[]> classes(int[] col, int count) {
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < col.length; i++) {
            members.get(col[i]).add(i);
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> l : members) {
            out.add(l.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    /** For every neuron of N its one coordinate in Q with the value α (β ≠ α at the others), or null. */
    private static int[] matching(int[] nc, int[] qc, int[] val, int d) {
        int m = qc.length;
        int i0 = nc[0];
        int alpha;
        int beta;
        if (m == 2) {
            alpha = val[i0 * d + qc[0]];
            beta = val[i0 * d + qc[1]];
        } else {
            Map<Integer, Integer> counts = new HashMap<>();
            for (int q : qc) {
                counts.merge(val[i0 * d + q], 1, Integer::sum);
            }
            if (counts.size() != 2) {
                return null;
            }
            alpha = -1;
            beta = -1;
            for (Map.Entry<Integer, Integer> en : counts.entrySet()) {
                if (en.getValue() == 1) {
                    alpha = en.getKey();
                } else if (en.getValue() == m - 1) {
                    beta = en.getKey();
                }
            }
        }
        if (alpha < 0 || beta < 0 || alpha == beta) {
            return null;
        }
        int[] match = new int[nc.length];
        boolean[] taken = new boolean[d];
        for (int s = 0; s < nc.length; s++) {
            int i = nc[s];
            int at = -1;
            for (int q : qc) {
                int v = val[i * d + q];
                if (v == alpha) {
                    if (at >= 0) {
                        return null;
                    }
                    at = q;
                } else if (v != beta) {
                    return null;
                }
            }
            if (at < 0 || taken[at]) {
                return null;
            }
            taken[at] = true;
            match[s] = at;
        }
        return match;
    }

    private static boolean equalColumns(int[] qc, int[] val, int n, int d) {
        for (int i = 0; i < n; i++) {
            for (int q : qc) {
                if (val[i * d + q] != val[i * d + qc[0]]) {
                    return false;
                }
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------ the action

    /** The neuron at position p of neuron i's factor after swapping positions s and s+1 of factor c. */
    private int moveNeuron(int i, int c, int s) {
        if (nf[i] != c) {
            return i;
        }
        int p = np[i];
        return p == s ? neuronTrack[c][s + 1] : p == s + 1 ? neuronTrack[c][s] : i;
    }

    private int moveCoord(int q, int c, int s) {
        if (cf[q] != c) {
            return q;
        }
        int p = cp[q];
        return p == s ? coordTrack[c][s + 1] : p == s + 1 ? coordTrack[c][s] : q;
    }

    /**
     * Whether x is exactly (bit for bit, up to the sign of zero) invariant under every generator of G — the adjacent
     * transpositions of every factor, acting on both its tracks — and a, b are constant on every neuron / coordinate
     * track (b indexed by coordinate: the identity teacher). Then F, ∇F and ∇²F at x commute with all of G.
     */
    boolean fixes(double[] x, double[] a, double[] b) {
        for (int c = 0; c < factors(); c++) {
            for (int p = 1; p < size(c); p++) {
                if (b[coordTrack[c][p]] != b[coordTrack[c][0]]
                        || neuronTrack[c] != null && a[neuronTrack[c][p]] != a[neuronTrack[c][0]]) {
                    return false;
                }
            }
            for (int s = 0; s + 1 < size(c); s++) {
                for (int i = 0; i < n; i++) {
                    int gi = moveNeuron(i, c, s);
                    for (int q = 0; q < d; q++) {
                        if (x[gi * d + moveCoord(q, c, s)] != x[i * d + q]) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    /** Orbit id of every parameter i·d + q (ids 0..count−1 in order of first appearance); see {@link #orbitCount}. */
    int[] orbits() {
        int[] id = new int[n * d];
        Map<Long, Integer> ids = new HashMap<>();
        long span = (long) d + factors();
        for (int i = 0; i < n; i++) {
            long nk = nf[i] < 0 ? i : n + nf[i];
            for (int q = 0; q < d; q++) {
                long qk = cf[q] < 0 ? q : d + cf[q];
                int diag = nf[i] >= 0 && nf[i] == cf[q] ? (np[i] == cp[q] ? 1 : 2) : 0;
                long key = ((nk * span) + qk) * 3 + diag;
                id[i * d + q] = ids.computeIfAbsent(key, k -> ids.size());
            }
        }
        return id;
    }

    static int orbitCount(int[] orbits) {
        int max = -1;
        for (int o : orbits) {
            max = Math.max(max, o);
        }
        return max + 1;
    }

    /**
     * x with every orbit's entries replaced by their mean (one double per orbit: exactly invariant); an orbit whose
     * entries are already all equal keeps them as they are (so an invariant point is returned unchanged).
     */
    double[] symmetrize(double[] x) {
        int[] orb = orbits();
        int count = orbitCount(orb);
        double[] sum = new double[count];
        double[] first = new double[count];
        boolean[] equal = new boolean[count];
        int[] size = new int[count];
        for (int p = 0; p < x.length; p++) {
            int t = orb[p];
            if (size[t] == 0) {
                first[t] = x[p];
                equal[t] = true;
            } else if (x[p] != first[t]) {
                equal[t] = false;
            }
            sum[t] += x[p];
            size[t]++;
        }
        double[] out = new double[x.length];
        for (int p = 0; p < x.length; p++) {
            int t = orb[p];
            out[p] = equal[t] ? first[t] : sum[t] / size[t];
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ test vectors

    /** Collects the entries of one test vector. */
    private final class Vec {
        final Map<Integer, Double> entries = new HashMap<>();

        void put(int i, int q, double v) {
            if (v != 0.0) {
                entries.merge(i * d + q, v, Double::sum);
            }
        }

        SparseVector build() {
            int[] idx = entries.entrySet().stream().filter(en -> en.getValue() != 0.0).mapToInt(Map.Entry::getKey)
                    .sorted().toArray();
            double[] v = new double[idx.length];
            for (int t = 0; t < idx.length; t++) {
                v[t] = entries.get(idx[t]);
            }
            return new SparseVector(idx, v);
        }
    }

    /** f = e_0 − e_1 on the positions of a factor. */
    private static double f(int p) {
        return p == 0 ? 1.0 : p == 1 ? -1.0 : 0.0;
    }

    /**
     * The isotypic components with one test vector per copy (all copies of a component use the same vector of the
     * irreducible, under isometric-up-to-scale intertwiners with mutually orthogonal images): see the package
     * documentation. The dimensions times the numbers of copies add up to n·d (checked by the caller).
     */
    List<Block> blocks() {
        List<Block> out = new ArrayList<>();
        int cCount = factors();
        // trivial: one indicator per orbit
        int[] orb = orbits();
        int count = orbitCount(orb);
        List<Vec> triv = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            triv.add(new Vec());
        }
        for (int p = 0; p < n * d; p++) {
            triv.get(orb[p]).put(p / d, p % d, 1.0);
        }
        out.add(new Block("trivial", 1, triv.stream().map(Vec::build).toList()));
        for (int c = 0; c < cCount; c++) {
            int m = size(c);
            int[] aT = neuronTrack[c];
            int[] bT = coordTrack[c];
            List<SparseVector> copies = new ArrayList<>();
            // fixed neuron ⊗ coordinate track of c
            for (int i = 0; i < n; i++) {
                if (nf[i] < 0) {
                    Vec y = new Vec();
                    for (int p = 0; p < m; p++) {
                        y.put(i, bT[p], f(p));
                    }
                    copies.add(y.build());
                }
            }
            if (aT != null) {
                // neuron track of c ⊗ fixed coordinate
                for (int q = 0; q < d; q++) {
                    if (cf[q] < 0) {
                        Vec y = new Vec();
                        for (int p = 0; p < m; p++) {
                            y.put(aT[p], q, f(p));
                        }
                        copies.add(y.build());
                    }
                }
            }
            for (int c2 = 0; c2 < cCount; c2++) {
                if (c2 == c) {
                    continue;
                }
                // neuron track of c ⊗ coordinate track of c2: f on the neuron side, constant on the other
                if (aT != null) {
                    Vec y = new Vec();
                    for (int p = 0; p < m; p++) {
                        for (int q : coordTrack[c2]) {
                            y.put(aT[p], q, f(p));
                        }
                    }
                    copies.add(y.build());
                }
                // neuron track of c2 ⊗ coordinate track of c
                if (neuronTrack[c2] != null) {
                    Vec y = new Vec();
                    for (int i : neuronTrack[c2]) {
                        for (int p = 0; p < m; p++) {
                            y.put(i, bT[p], f(p));
                        }
                    }
                    copies.add(y.build());
                }
            }
            if (aT != null) {
                // the same factor on both sides: diagonal, and off-diagonal symmetric (R + C) and antisymmetric (R − C)
                Vec diag = new Vec();
                Vec sym = new Vec();
                Vec anti = new Vec();
                for (int p = 0; p < m; p++) {
                    diag.put(aT[p], bT[p], f(p));
                    for (int r = 0; r < m; r++) {
                        if (r != p) {
                            sym.put(aT[p], bT[r], f(p) + f(r));
                            anti.put(aT[p], bT[r], f(p) - f(r));
                        }
                    }
                }
                copies.add(diag.build());
                SparseVector s = sym.build();
                if (s.index().length > 0) {
                    copies.add(s); // zero for m = 2, where V occurs twice in this piece, not three times
                }
                copies.add(anti.build());
            }
            if (!copies.isEmpty()) {
                out.add(new Block("V" + (c + 1), m - 1, copies));
            }
            if (aT != null && m >= 4) {
                // S^(m−2,2): symmetric, zero diagonal, zero row sums: {01} + {23} − {02} − {13}
                Vec y = new Vec();
                int[][] plus = {{0, 1}, {2, 3}};
                int[][] minus = {{0, 2}, {1, 3}};
                for (int[] e : plus) {
                    y.put(aT[e[0]], bT[e[1]], 1.0);
                    y.put(aT[e[1]], bT[e[0]], 1.0);
                }
                for (int[] e : minus) {
                    y.put(aT[e[0]], bT[e[1]], -1.0);
                    y.put(aT[e[1]], bT[e[0]], -1.0);
                }
                out.add(new Block("S" + (c + 1) + "(m-2,2)", m * (m - 3) / 2, List.of(y.build())));
            }
            if (aT != null && m >= 3) {
                // S^(m−2,1,1): antisymmetric, zero row sums: the 3-cycle 0 → 1 → 2 → 0
                Vec y = new Vec();
                int[][] cyc = {{0, 1}, {1, 2}, {2, 0}};
                for (int[] e : cyc) {
                    y.put(aT[e[0]], bT[e[1]], 1.0);
                    y.put(aT[e[1]], bT[e[0]], -1.0);
                }
                out.add(new Block("S" + (c + 1) + "(m-2,1,1)", (m - 1) * (m - 2) / 2, List.of(y.build())));
            }
        }
        // V_c ⊗ V_c2 (c < c2): f ⊗ f2 on both mixed pieces
        for (int c = 0; c < cCount; c++) {
            for (int c2 = c + 1; c2 < cCount; c2++) {
                List<SparseVector> copies = new ArrayList<>();
                if (neuronTrack[c] != null) {
                    Vec y = new Vec();
                    for (int p = 0; p < 2; p++) {
                        for (int r = 0; r < 2; r++) {
                            y.put(neuronTrack[c][p], coordTrack[c2][r], f(p) * f(r));
                        }
                    }
                    copies.add(y.build());
                }
                if (neuronTrack[c2] != null) {
                    Vec y = new Vec();
                    for (int p = 0; p < 2; p++) {
                        for (int r = 0; r < 2; r++) {
                            y.put(neuronTrack[c2][r], coordTrack[c][p], f(p) * f(r));
                        }
                    }
                    copies.add(y.build());
                }
                if (!copies.isEmpty()) {
                    out.add(new Block("V" + (c + 1) + "⊗V" + (c2 + 1), (size(c) - 1) * (size(c2) - 1), copies));
                }
            }
        }
        return out;
    }
}
