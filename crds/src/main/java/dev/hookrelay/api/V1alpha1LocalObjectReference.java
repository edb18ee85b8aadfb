package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;

/** An object of a known kind in the referring object's namespace, by name. */
public class V1alpha1LocalObjectReference {
    @SerializedName("name")
    private String name;

    public String getName() {
        return name;
    }

    public V1alpha1LocalObjectReference name(String name) {
        this.name = name;
        return this;
    }
}
