package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;

/** A Secret in the referring object's namespace. */
public class V1alpha1SecretRef {
    @SerializedName("name")
    private String name;

    public String getName() {
        return name;
    }

    public V1alpha1SecretRef name(String name) {
        this.name = name;
        return this;
    }
}
