package io.scatter.api.jobtype;

import io.scatter.core.jobtype.JobTypes;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The documents of the registered job types, made once: the types are fixed for the life of the process. */
@Component
class JobTypeCatalog {

    private final Map<String, JobTypeDocument> byName = new TreeMap<>();

    JobTypeCatalog(JobTypes types) {
        for (String name : types.names()) {
            byName.put(name, JobTypeDocument.of(types.get(name)));
        }
    }

    /** Every job type, sorted by name. */
    JobTypeList list() {
        return new JobTypeList(List.copyOf(byName.values()));
    }

    /** The job type called {@code name}. */
    JobTypeDocument get(String name) {
        JobTypeDocument type = byName.get(name);
        if (type == null) {
            throw new JobTypeNotFoundException(name, List.copyOf(byName.keySet()));
        }
        return type;
    }
}
