package org.gongtong.registry;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.gongtong.identity.Actor;
import org.gongtong.platform.FieldError;
import org.gongtong.platform.Messages;
import org.gongtong.platform.Xlsx;
import org.springframework.stereotype.Service;

/**
 * Organisations in and out of Excel: the import template, reading an uploaded sheet into forms
 * (with the row each came from), and exporting any filtered list.
 */
@Service
public class OrganisationSheets {

    /** Columns of the template and the export: key, Chinese header, English header. */
    static final List<String[]> COLUMNS = List.of(
            new String[] {"name", "名称*", "Name*"},
            new String[] {"kind", "类别*", "Kind*"},
            new String[] {"uscc", "统一社会信用代码", "USCC"},
            new String[] {"county", "县市区", "County"},
            new String[] {"industry", "产业", "Industry"},
            new String[] {"industryClass", "行业代码(GB/T 4754)", "Industry class (GB/T 4754)"},
            new String[] {"address", "地址", "Address"},
            new String[] {"contactName", "联系人", "Contact"},
            new String[] {"contactPhone", "联系电话", "Phone"},
            new String[] {"contactEmail", "电子邮箱", "E-mail"},
            new String[] {"foundedOn", "成立日期", "Founded on"},
            new String[] {"employees", "职工人数", "Employees"},
            new String[] {"annualRevenue", "年营业收入(元)", "Annual revenue (yuan)"},
            new String[] {"registeredCapital", "注册资本(元)", "Registered capital (yuan)"},
            new String[] {"description", "简介", "Description"});

    /** One data row of an uploaded sheet: its 1-based row number as Excel shows it. */
    public record SheetRow(int row, OrganisationForm form, List<FieldError> parseErrors) {}

    private final Registry registry;
    private final ReferenceData reference;
    private final Messages messages;

    OrganisationSheets(Registry registry, ReferenceData reference, Messages messages) {
        this.registry = registry;
        this.reference = reference;
        this.messages = messages;
    }

    public void template(HttpServletResponse response) throws IOException {
        attachment(response, "organisations-template.xlsx");
        List<List<?>> example = List.of(List.of(
                "聊城示例科技有限公司",
                "ENTERPRISE",
                "",
                "东昌府区",
                "新材料",
                "2929",
                "山东省聊城市东昌府区",
                "张三",
                "0635-8000000",
                "contact@example.org",
                "2015-06-01",
                120,
                35000000,
                10000000,
                ""));
        Xlsx.write(response.getOutputStream(), "organisations", headers(), example);
    }

    public void export(OrganisationCriteria criteria, Actor actor, HttpServletResponse response) throws IOException {
        attachment(response, "organisations.xlsx");
        Map<String, ReferenceData.County> counties = reference.countiesByCode();
        Map<String, ReferenceData.Industry> industries = reference.industriesByCode();
        List<List<?>> rows = new ArrayList<>();
        registry.forEach(criteria, o -> {
            Organisation v = registry.visibleTo(o, actor);
            ReferenceData.County c = v.county() == null ? null : counties.get(v.county());
            ReferenceData.Industry i = v.industry() == null ? null : industries.get(v.industry());
            List<Object> row = new ArrayList<>();
            row.add(v.name());
            row.add(v.kind().name());
            row.add(v.uscc());
            row.add(c == null ? null : c.name());
            row.add(i == null ? null : i.name());
            row.add(v.industryClass());
            row.add(v.address());
            row.add(v.contactName());
            row.add(v.contactPhone());
            row.add(v.contactEmail());
            row.add(v.foundedOn());
            row.add(v.employees());
            row.add(v.annualRevenue());
            row.add(v.registeredCapital());
            row.add(v.description());
            rows.add(row);
        });
        Xlsx.write(response.getOutputStream(), "organisations", headers(), rows);
    }

    /** Reads the first sheet; headers may be the Chinese or English ones, in any order. */
    public List<SheetRow> read(InputStream in) throws IOException {
        List<SheetRow> out = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            Iterator<Row> rows = sheet.rowIterator();
            if (!rows.hasNext()) {
                return out;
            }
            Map<String, Integer> index = headerIndex(rows.next());
            if (!index.containsKey("name") || !index.containsKey("kind")) {
                throw new IllegalArgumentException(messages.get("import.badHeader"));
            }
            while (rows.hasNext()) {
                Row r = rows.next();
                Map<String, String> v = new HashMap<>();
                boolean any = false;
                for (var e : index.entrySet()) {
                    String text = Xlsx.text(r.getCell(e.getValue()));
                    if (text != null) {
                        any = true;
                        v.put(e.getKey(), text);
                    }
                }
                if (!any) {
                    continue;
                }
                List<FieldError> errors = new ArrayList<>();
                OrganisationForm form = new OrganisationForm(
                        v.get("name"),
                        v.get("kind"),
                        v.get("uscc"),
                        v.get("county"),
                        v.get("industry"),
                        v.get("industryClass"),
                        v.get("address"),
                        v.get("contactName"),
                        v.get("contactPhone"),
                        v.get("contactEmail"),
                        date(v, "foundedOn", errors),
                        integer(v, "employees", errors),
                        money(v, "annualRevenue", errors),
                        money(v, "registeredCapital", errors),
                        v.get("description"),
                        null);
                out.add(new SheetRow(r.getRowNum() + 1, form, errors));
            }
        }
        return out;
    }

    private Map<String, Integer> headerIndex(Row header) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.getLastCellNum(); i++) {
            String h = Xlsx.text(header.getCell(i));
            if (h == null) {
                continue;
            }
            String norm = h.replace("*", "").strip().toLowerCase(Locale.ROOT);
            for (String[] col : COLUMNS) {
                if (norm.equals(col[0].toLowerCase(Locale.ROOT))
                        || norm.equals(col[1].replace("*", "").toLowerCase(Locale.ROOT))
                        || norm.equals(col[2].replace("*", "").toLowerCase(Locale.ROOT))) {
                    index.putIfAbsent(col[0], i);
                }
            }
        }
        return index;
    }

    private LocalDate date(Map<String, String> v, String key, List<FieldError> errors) {
        String s = v.get(key);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.replace('/', '-').replace('.', '-'));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(key, messages.get("validation.date", s)));
            return null;
        }
    }

    private Integer integer(Map<String, String> v, String key, List<FieldError> errors) {
        String s = v.get(key);
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.replace(",", "")).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            errors.add(new FieldError(key, messages.get("validation.integer", s)));
            return null;
        }
    }

    private BigDecimal money(Map<String, String> v, String key, List<FieldError> errors) {
        String s = v.get(key);
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.replace(",", "").replace("¥", "").strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(key, messages.get("validation.number", s)));
            return null;
        }
    }

    private List<String> headers() {
        boolean en = messages.get("lang.code").equals("en");
        return COLUMNS.stream().map(c -> en ? c[2] : c[1]).toList();
    }

    private static void attachment(HttpServletResponse response, String filename) {
        response.setContentType(Xlsx.CONTENT_TYPE);
        response.setHeader(
                "Content-Disposition",
                "attachment; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8));
    }
}
