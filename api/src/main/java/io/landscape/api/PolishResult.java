package io.landscape.api;

/**
 * The outcome of {@link Landscape#polish}.
 *
 * @param point        the polished point (a new array)
 * @param value        f there
 * @param gradientNorm ‖∇f‖ there
 * @param steps        Newton steps taken
 */
public record PolishResult(double[] point, double value, double gradientNorm, int steps) {
}
