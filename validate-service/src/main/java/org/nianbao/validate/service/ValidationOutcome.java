package org.nianbao.validate.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.nianbao.validate.rules.Finding;

/** One report.validated event to publish after the transaction commits, with what alerting needs. */
public record ValidationOutcome(String reportId, ObjectNode event, String status, List<Finding> findings,
                                boolean recheck) {
}
