package io.landscape.impl.certify;

import io.landscape.api.CertifyOptions;

/**
 * Settings of {@link Certifier#certify}: the api's {@link CertifyOptions} (which checks the values and holds the
 * defaults) as the certifier takes them; {@link #of} and {@link #api} convert, the one place where the two meet.
 * Immutable.
 *
 * @param polish          refine the point by Newton steps ({@link io.landscape.impl.optim.NewtonPolish}) first
 * @param polishSteps     at most this many Newton steps
 * @param maxGradientNorm the check "gradient-norm" fails when the rigorous ε exceeds this (default 10⁻⁴: far from
 *                        stationarity Lemma 1 cannot hold anyway, and the name of the failure is more useful)
 * @param ballFraction    B is bounded on the ball of radius ballFraction·min_i ‖w_i‖ (default 0.1); Lemma 1's radius
 *                        must come out below that
 */
public record Options(boolean polish, int polishSteps, double maxGradientNorm, double ballFraction) {
    /** @throws IllegalArgumentException as {@link CertifyOptions} does, naming the argument */
    public Options {
        new CertifyOptions(polish, polishSteps, maxGradientNorm, ballFraction);
    }

    /** The same settings as the api's record. */
    public static Options of(CertifyOptions o) {
        return new Options(o.polish(), o.polishSteps(), o.maxGradientNorm(), o.ballFraction());
    }

    /** These settings as the api's record. */
    public CertifyOptions api() {
        return new CertifyOptions(polish, polishSteps, maxGradientNorm, ballFraction);
    }

    /** {@link CertifyOptions#defaults()}: no polishing, maxGradientNorm 10⁻⁴, ballFraction 0.1. */
    public static Options defaults() {
        return of(CertifyOptions.defaults());
    }

    public Options withPolish(boolean p) {
        return of(api().withPolish(p));
    }
}
