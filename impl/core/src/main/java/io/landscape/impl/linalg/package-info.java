/**
 * The ground floor: dense linear algebra and elementary functions on {@code double[]}, importing nothing of the
 * project (the layering is checked by {@code io.landscape.impl.ArchitectureTest}).
 * <ul>
 *   <li>{@link io.landscape.impl.linalg.SmallMatrices}: Gram matrices, small products and distances in the row-major
 *   layouts the evaluators use.</li>
 *   <li>{@link io.landscape.impl.linalg.FastAngle}: arccos and arcsine by a degree-12 polynomial in z = x² ≤ ¼
 *   (asin x = x + x·z·P(z)), with the reductions arccos c = π/2 − asin c for |c| ≤ ½ and
 *   2·asin √((1 − |c|)/2) (or π minus it) otherwise, so every polynomial argument is at most ½; within 2 ulps.</li>
 *   <li>{@link io.landscape.impl.linalg.Cholesky}: the textbook row-major Cholesky factorisation A = RᵀR, blocked and
 *   multi-threaded for large m, performing exactly the standard algorithm's arithmetic (one fused multiply-add per
 *   update), so Demmel's backward-error bound applies to the factor it computes (the rigorous eigenvalue bound in
 *   {@code certify} relies on this); {@link io.landscape.impl.linalg.VectorCholesky} computes the same factor bit for
 *   bit with the Vector API where {@link io.landscape.impl.linalg.Simd} says it can run.</li>
 *   <li>{@link io.landscape.impl.linalg.SymmetricEigen}: floating-point eigenvalues of symmetric matrices (EJML's
 *   symmetric QR) and Lanczos estimates of λ_min with full reorthogonalisation — estimates for reports and for
 *   choosing shifts, never a proof.</li>
 * </ul>
 */
package io.landscape.impl.linalg;
