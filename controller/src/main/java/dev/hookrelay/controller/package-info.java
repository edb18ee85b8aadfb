/**
 * The controller's beans exist only in the k8s environment, which Application (and every
 * test that runs a controller) sets: micronaut-kubernetes enables its informers only there,
 * and another Micronaut application on the same class path (receiver-fn, in end-to-end
 * tests) then starts without them.
 */
@Configuration
@Requires(env = Environment.KUBERNETES)
package dev.hookrelay.controller;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
