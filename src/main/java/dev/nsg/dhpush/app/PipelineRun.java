package dev.nsg.dhpush.app;

/**
 * The CI run a publish happens in, for its provenance: Bitbucket's build number and its pipeline's and step's UUIDs
 * (each null outside Bitbucket Pipelines).
 */
public record PipelineRun(String buildNumber, String pipelineUuid, String stepUuid) {

    public static final PipelineRun NONE = new PipelineRun(null, null, null);

    boolean isBitbucket() {
        return pipelineUuid != null;
    }
}
