package io.scatter.api.quota;

import io.scatter.api.auth.Caller;

/** Wording shared by the quota problems. */
final class Quotas {

    private Quotas() {
    }

    /** Who a limit was applied to, for a problem's detail. */
    static String describe(Caller caller) {
        return caller.isAnyone()
                ? "this client (authentication is off, so every client shares one quota)"
                : (caller.oidcSubject() ? "OIDC subject '" : "API key '") + caller.name() + "'";
    }

    /** {@code value} as a whole number when it is one, e.g. 5 rather than 5.0. */
    static Number number(double value) {
        return value == Math.rint(value) && value < Long.MAX_VALUE ? (Number) (long) value : (Number) value;
    }
}
