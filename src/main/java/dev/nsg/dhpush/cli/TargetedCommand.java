package dev.nsg.dhpush.cli;

import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command that works on tags of a repository shares: its spec, the target options and the services. */
abstract class TargetedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Inject
    Services services;
}
