package io.scatter.api.auth;

/** The outcome of checking a bearer token: the caller, or why there is none. */
record Outcome(Caller caller, Refusal refusal) {

    static Outcome refused(Refusal refusal) {
        return new Outcome(null, refusal);
    }
}
