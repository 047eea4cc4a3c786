package io.landscape.impl.certify;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

import io.landscape.api.Problem;

/**
 * SHA-256 digests that key stored certificates on everything that decides them, so that a stored result is reused only
 * for the very question it answered.
 *
 * <p>{@link #of} covers: the exact bits of the point, of the teacher, of both output-weight vectors; the kernel, the
 * normalisation, n, k, d; every {@link Options} field; a caller-given program version; and {@link #prover()}, a
 * digest of the bytecode of every class whose code decides a certificate (this package, Newton polishing, the
 * floating-point objective and kernel it uses, the Cholesky factorization, the eigenvalue estimates, the split-saddle
 * certifier and the Hessian blocks it uses, the symmetry reduction), so that a rebuilt prover never reuses a
 * result of the old one, even under an unchanged version string. {@link #ofPoint} is the digest of a point alone
 * (exact bits), printed with a certificate to name the point it is about.
 */
public final class InputDigest {
    /** The classes whose bytecode is in {@link #prover()} (with their member classes). */
    private static final List<Class<?>> PROVER = List.of(Certifier.class, Certificate.class, Options.class,
            EigenvalueBound.class, HessianEnclosure.class, Interval.class, PaddingSpectrum.class, PointEnclosure.class,
            ThirdOrderBound.class, InputDigest.class, io.landscape.impl.optim.NewtonPolish.class,
            io.landscape.impl.optim.GradientDescent.class, io.landscape.impl.objective.PairwiseObjective.class,
            io.landscape.impl.linalg.SmallMatrices.class, io.landscape.impl.kernel.ReluClosedForm.class,
            io.landscape.impl.kernel.PairKernel.class, io.landscape.impl.linalg.Cholesky.class,
            SplitSaddleCertifier.class, io.landscape.impl.overparam.ReluLandscape.class,
            io.landscape.impl.overparam.ReluBlockHessian.class, SymmetricCertifier.class, PointSymmetry.class,
            SymmetricSpectrum.class, io.landscape.impl.linalg.SymmetricEigen.class);

    private static volatile String prover;

    private InputDigest() {
    }

    /**
     * The digest (64 hex digits) of a certification question: {@code point} for {@code problem} under {@code options},
     * answered by this prover under {@code programVersion}.
     */
    public static String of(String programVersion, Problem problem, double[] point, Options options) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF("landscape certify input, format 1");
            out.writeUTF(programVersion == null ? "" : programVersion);
            out.writeUTF(prover());
            out.writeUTF(problem.kernel().name());
            out.writeUTF(problem.normalization().name());
            double[][] v = problem.teacher();
            out.writeInt(v.length);
            out.writeInt(problem.inputDimension());
            out.writeInt(problem.studentCount());
            for (double[] row : v) {
                doubles(out, row);
            }
            doubles(out, problem.teacherWeights());
            doubles(out, problem.studentWeights());
            doubles(out, point);
            out.writeBoolean(options.polish());
            out.writeInt(options.polishSteps());
            out.writeLong(Double.doubleToLongBits(options.maxGradientNorm()));
            out.writeLong(Double.doubleToLongBits(options.ballFraction()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sha256(bytes.toByteArray());
    }

    /** The digest (64 hex digits) of the exact bits of a point. */
    public static String ofPoint(double[] point) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            doubles(out, point);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sha256(bytes.toByteArray());
    }

    /** SHA-256 (64 hex digits) of the UTF-8 bytes of {@code text}. */
    public static String ofText(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A digest of the bytecode of the prover's classes (computed once). */
    public static String prover() {
        String p = prover;
        if (p == null) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            Deque<Class<?>> todo = new ArrayDeque<>(PROVER);
            while (!todo.isEmpty()) {
                Class<?> c = todo.removeFirst();
                String resource = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
                try (InputStream in = c.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("cannot read the bytecode of " + c.getName());
                    }
                    all.writeBytes(c.getName().getBytes(StandardCharsets.UTF_8));
                    all.writeBytes(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                for (Class<?> inner : c.getDeclaredClasses()) {
                    todo.addLast(inner);
                }
            }
            p = sha256(all.toByteArray());
            prover = p;
        }
        return p;
    }

    private static void doubles(DataOutputStream out, double[] xs) throws IOException {
        out.writeInt(xs.length);
        for (double x : xs) {
            out.writeLong(Double.doubleToRawLongBits(x));
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
