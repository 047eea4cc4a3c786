package io.landscape.impl.experiment.spurious;

import io.landscape.api.Problem;

/**
 * Hook for rigorous certification of a family representative (paper 002 Lemmas 1–2: a local minimum within radius r,
 * and its value above the global minimum). The commands use {@link RigorousFamilyCertifier} (package
 * {@code certify}); {@link #NONE} reports {@code "certified": null} ("not attempted") — never as certified.
 */
@FunctionalInterface
public interface FamilyCertifier {

    /**
     * Outcome of an attempt. Certified: a spurious local minimum lies within {@code radius} of the point, λ_min(∇²F) ≥
     * {@code lambdaMinLowerBound} and F ≥ {@code objectiveLowerBound} on that ball ({@code reason} null). Not
     * certified: {@code reason} says why (the bounds NaN). {@code millis} is the certifier's wall time — the only
     * field that depends on the machine, kept apart so that identical searches give identical certificates.
     */
    record Certificate(boolean certified, double radius, double lambdaMinLowerBound, double objectiveLowerBound,
                       String reason, double millis) {
    }

    /** Tries to certify {@code point} (flat, neuron i at i·d … i·d+d) for {@code problem}; null = not attempted. */
    Certificate certify(Problem problem, double[] point);

    /** No certification: always "not attempted". */
    FamilyCertifier NONE = (problem, point) -> null;
}
