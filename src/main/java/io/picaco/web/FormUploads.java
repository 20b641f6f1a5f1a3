package io.picaco.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/** The form posted as multipart: its fields, and an uploaded query file read into the queries field. */
final class FormUploads {
    static final int MAX_UPLOAD = 4 * 1024 * 1024;

    private FormUploads() {
    }

    /** A form parsed from a multipart body; an uploaded query file is read into the queries field. */
    static RunForm form(MultipartFormDataInput input) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        FormValue file = null;
        for (Map.Entry<String, Collection<FormValue>> e : input.getValues().entrySet()) {
            for (FormValue v : e.getValue()) {
                if (v.isFileItem()) {
                    if ("queriesFile".equals(e.getKey())) {
                        file = v;
                    }
                } else {
                    params.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(v.getValue());
                }
            }
        }
        RunForm form = RunForm.of(params);
        if (form.is("querySource", RunForm.FILE)) {
            readUpload(form, file);
        }
        return form;
    }

    private static void readUpload(RunForm form, FormValue file) {
        try {
            if (file == null || file.getFileName() == null || file.getFileName().isBlank()
                    || file.getFileItem().getFileSize() == 0) {
                form.fail("queriesFile", "choose a JSONL or CSV file with at least 4 queries");
                return;
            }
            if (file.getFileItem().getFileSize() > MAX_UPLOAD) {
                form.fail("queriesFile", "is larger than 4 MB");
                return;
            }
            String content;
            try (var in = file.getFileItem().getInputStream()) {
                content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            List<String> queries = QueryFiles.parse(file.getFileName(), content);
            form.set("queries", String.join("\n", queries.stream().map(QueryFiles::oneLine).toList()));
            form.set("querySource", RunForm.PASTE);
        } catch (QueryFiles.BadFile e) {
            form.fail("queriesFile", e.getMessage());
        } catch (IOException e) {
            form.fail("queriesFile", "could not be read");
        }
    }
}
