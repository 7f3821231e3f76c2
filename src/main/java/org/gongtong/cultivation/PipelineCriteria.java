package org.gongtong.cultivation;

import java.util.List;

/**
 * Filters of the list of pipeline records (firms with a stage other than candidate): the stages
 * (empty: any), only firms registered as tech SMEs (null: either), the county of the firm. The
 * dashboard figures and their drill-down lists use this one object.
 */
public record PipelineCriteria(List<Stage> stages, Boolean techSme, String county) {

    public PipelineCriteria {
        stages = stages == null ? List.of() : List.copyOf(stages);
        county = county == null || county.isBlank() ? null : county.strip();
    }

    public PipelineCriteria withCounty(String c) {
        return new PipelineCriteria(stages, techSme, c);
    }

    /** Stages as the comma-separated query parameter the list API takes. */
    public String stagesParam() {
        return stages.isEmpty()
                ? null
                : String.join(",", stages.stream().map(Stage::name).toList());
    }
}
