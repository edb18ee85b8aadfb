package dev.hookrelay.controller.fanout;

/** One object to poke. */
record TargetObject(ApiKind kind, String namespace, String name) {

    @Override
    public String toString() {
        return kind.kind() + " " + namespace + "/" + name;
    }
}
