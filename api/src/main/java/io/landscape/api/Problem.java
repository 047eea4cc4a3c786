package io.landscape.api;

import java.util.Arrays;

/**
 * A teacher–student problem: the population loss
 * <pre>
 *   F(W) = c · E_x ½ (Σ_i a_i σ(w_i·x) − Σ_j b_j σ(v_j·x))²,   x ~ N(0, I_d),
 * </pre>
 * with teacher neurons v_1..v_k (rows of {@link #teacher()}), n student neurons w_1..w_n, fixed output weights a (students)
 * and b (teacher), an activation given by its Gaussian {@link Kernel}, and c = 1 ({@link Normalization#HALF}, the default)
 * or c = 2 ({@link Normalization#FULL}). Immutable; arrays are copied in and out.
 *
 * <p>Points are flat {@code double[]} of length n·d: neuron i occupies entries {@code i*d … i*d+d-1}
 * (see {@link Points}).
 */
public final class Problem implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final double[][] teacher;
    private final int students;
    private final double[] studentWeights;
    private final double[] teacherWeights;
    private final Kernel kernel;
    private final Normalization normalization;

    private Problem(Builder b) {
        if (b.teacher == null) {
            throw new InvalidProblemException("teacher(v) was not set: give the teacher neurons, one per row "
                    + "(for example Problem.identity(k, d))");
        }
        int k = b.teacher.length;
        if (k < 1) {
            throw new InvalidProblemException("teacher(v): needs at least one neuron, got 0 rows");
        }
        int d = b.teacher[0].length;
        if (d < 1) {
            throw new InvalidProblemException("teacher(v): row 1 is empty (dimension d must be at least 1)");
        }
        this.teacher = new double[k][];
        for (int j = 0; j < k; j++) {
            double[] row = b.teacher[j];
            if (row == null || row.length != d) {
                throw new InvalidProblemException("teacher(v): row " + (j + 1) + " has "
                        + (row == null ? 0 : row.length) + " entries, expected " + d + " (ragged rows)");
            }
            for (int c = 0; c < d; c++) {
                if (!Double.isFinite(row[c])) {
                    throw new InvalidProblemException("teacher(v): row " + (j + 1) + ", column " + (c + 1) + " is "
                            + row[c] + " (entries must be finite)");
                }
            }
            teacher[j] = row.clone();
        }
        if (!b.studentsSet) {
            throw new InvalidProblemException("students(n) was not set: give the number of student neurons n ≥ 1");
        }
        if (b.students < 1) {
            throw new InvalidProblemException("students(n): n must be at least 1, got " + b.students);
        }
        this.students = b.students;
        this.studentWeights = weights("studentWeights(a)", b.studentWeights, students);
        this.teacherWeights = weights("teacherWeights(b)", b.teacherWeights, k);
        if (b.kernel == null) {
            throw new InvalidProblemException("kernel(k) is null: give a Kernel (for example Kernel.relu())");
        }
        if (b.normalization == null) {
            throw new InvalidProblemException("normalization(c) is null: give Normalization.HALF or FULL");
        }
        this.kernel = b.kernel;
        this.normalization = b.normalization;
    }

    private static double[] weights(String what, double[] given, int count) {
        if (given == null) {
            double[] ones = new double[count];
            Arrays.fill(ones, 1.0);
            return ones;
        }
        if (given.length != count) {
            throw new InvalidProblemException(what + ": " + given.length + " given, expected " + count);
        }
        for (int i = 0; i < count; i++) {
            if (!Double.isFinite(given[i])) {
                throw new InvalidProblemException(what + ": entry " + (i + 1) + " is " + given[i]
                        + " (must be finite)");
            }
        }
        return given.clone();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The k×k identity teacher padded with zeros to dimension d ≥ k (v_j = e_j), n students, ReLU, ½ normalisation. */
    public static Problem identityTeacher(int k, int d, int n) {
        return builder().teacher(identity(k, d)).students(n).build();
    }

    /** The k×d matrix whose row j is e_j (d ≥ k). */
    public static double[][] identity(int k, int d) {
        if (k < 1) {
            throw new InvalidProblemException("identity teacher: k must be at least 1, got " + k);
        }
        if (d < k) {
            throw new InvalidProblemException("identity teacher: dimension d = " + d + " must be at least k = " + k);
        }
        double[][] v = new double[k][d];
        for (int j = 0; j < k; j++) {
            v[j][j] = 1.0;
        }
        return v;
    }

    /** Number of teacher neurons k. */
    public int teacherCount() {
        return teacher.length;
    }

    /** Number of student neurons n. */
    public int studentCount() {
        return students;
    }

    /** Input dimension d. */
    public int inputDimension() {
        return teacher[0].length;
    }

    /** Number of parameters n·d. */
    public int parameterCount() {
        return students * teacher[0].length;
    }

    /** A copy of the teacher, one neuron per row. */
    public double[][] teacher() {
        double[][] c = new double[teacher.length][];
        for (int j = 0; j < teacher.length; j++) {
            c[j] = teacher[j].clone();
        }
        return c;
    }

    /** Teacher neuron j (a copy). */
    public double[] teacherNeuron(int j) {
        return teacher[j].clone();
    }

    public double[] studentWeights() {
        return studentWeights.clone();
    }

    public double[] teacherWeights() {
        return teacherWeights.clone();
    }

    public Kernel kernel() {
        return kernel;
    }

    public Normalization normalization() {
        return normalization;
    }

    /** A builder pre-filled with this problem's settings. */
    public Builder toBuilder() {
        return new Builder().teacher(teacher).students(students).studentWeights(studentWeights)
                .teacherWeights(teacherWeights).kernel(kernel).normalization(normalization);
    }

    /** The same problem with another student count (default output weights for the students). */
    public Problem withStudents(int n) {
        return toBuilder().students(n).studentWeights(null).build();
    }

    /**
     * Value semantics: two problems are equal when they have the same teacher matrix, student count, output weights,
     * kernel (name and formula) and normalization — entries compared as {@link Double#equals} does (bit patterns, so
     * 0.0 and −0.0 differ). Equal problems define the same loss, so results may be cached and resumed under them.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Problem)) {
            return false;
        }
        Problem p = (Problem) o;
        return students == p.students && Arrays.deepEquals(teacher, p.teacher)
                && Arrays.equals(studentWeights, p.studentWeights) && Arrays.equals(teacherWeights, p.teacherWeights)
                && kernel.equals(p.kernel) && normalization == p.normalization;
    }

    @Override
    public int hashCode() {
        int h = Arrays.deepHashCode(teacher);
        h = 31 * h + students;
        h = 31 * h + Arrays.hashCode(studentWeights);
        h = 31 * h + Arrays.hashCode(teacherWeights);
        h = 31 * h + kernel.hashCode();
        return 31 * h + normalization.hashCode();
    }

    /** A deserialised problem is rebuilt through the builder, so a stream cannot produce an unchecked one. */
    private Object readResolve() throws java.io.ObjectStreamException {
        try {
            return toBuilder().build();
        } catch (RuntimeException e) {
            java.io.InvalidObjectException bad = new java.io.InvalidObjectException("not a valid Problem: "
                    + e.getMessage());
            bad.initCause(e);
            throw bad;
        }
    }

    @Override
    public String toString() {
        return "Problem[k=" + teacherCount() + ", n=" + students + ", d=" + inputDimension() + ", " + kernel.name()
                + ", " + normalization + "]";
    }

    /** Mutable builder; {@link #build()} validates everything and names what is wrong. */
    public static final class Builder {
        private double[][] teacher;
        private int students;
        private boolean studentsSet;
        private double[] studentWeights;
        private double[] teacherWeights;
        private Kernel kernel = Kernel.relu();
        private Normalization normalization = Normalization.HALF;

        private Builder() {
        }

        /** Teacher neurons, one per row (k×d, any vectors, not necessarily orthonormal). Copied. */
        public Builder teacher(double[][] v) {
            if (v == null) {
                this.teacher = null;
                return this;
            }
            this.teacher = new double[v.length][];
            for (int j = 0; j < v.length; j++) {
                this.teacher[j] = v[j] == null ? null : v[j].clone();
            }
            return this;
        }

        /** Number of student neurons n ≥ 1. */
        public Builder students(int n) {
            this.students = n;
            this.studentsSet = true;
            return this;
        }

        /** Student output weights a (length n); null means all ones. */
        public Builder studentWeights(double[] a) {
            this.studentWeights = a == null ? null : a.clone();
            return this;
        }

        /** Teacher output weights b (length k); null means all ones. */
        public Builder teacherWeights(double[] b) {
            this.teacherWeights = b == null ? null : b.clone();
            return this;
        }

        public Builder kernel(Kernel kernel) {
            this.kernel = kernel;
            return this;
        }

        public Builder normalization(Normalization normalization) {
            this.normalization = normalization;
            return this;
        }

        /**
         * The problem. {@code teacher(v)} and {@code students(n)} are required; the rest have defaults.
         *
         * @throws InvalidProblemException naming the setting at fault (and the row or entry)
         */
        public Problem build() {
            return new Problem(this);
        }
    }
}
