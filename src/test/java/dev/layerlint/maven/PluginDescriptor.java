package dev.layerlint.maven;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The goals and parameters of the plugin as maven-plugin-plugin describes them. Read from
 * {@code target/plugin-enhanced.xml}, the descriptor's XHTML edition that the same {@code descriptor} goal writes
 * (in {@code process-classes}, so before the tests run) beside {@code META-INF/maven/plugin.xml}: the same goals,
 * parameters and defaults, with the Javadoc kept as HTML and generic types spelled out.
 */
record PluginDescriptor(List<Goal> goals) {

    static final Path FILE = Path.of("target", "plugin-enhanced.xml");

    /** A goal: its name, the phase it binds to by default, and its parameters in the descriptor's (alphabetical) order. */
    record Goal(String name, Optional<String> phase, List<Parameter> parameters) {

        /** The parameters a user can set: read-only ones (the project, the session, components) left out. */
        List<Parameter> configurable() {
            return parameters.stream().filter(Parameter::editable).toList();
        }
    }

    /**
     * A parameter. {@code property} is the user property ({@code -Dproperty=…}) that sets it, when its expression
     * is a plain {@code ${property}}; {@code description} is HTML.
     */
    record Parameter(String name, String type, boolean editable, Optional<String> property, Optional<String> defaultValue,
                     String description) {
    }

    static PluginDescriptor read() {
        assertTrue(Files.isRegularFile(FILE), FILE + " is missing: it is written in process-classes (mvn process-classes)");
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(FILE.toFile());
            List<Goal> goals = new ArrayList<>();
            for (Element mojo : children(child(document.getDocumentElement(), "mojos"), "mojo")) {
                goals.add(goal(mojo));
            }
            return new PluginDescriptor(List.copyOf(goals));
        } catch (Exception e) {
            return fail("cannot read " + FILE + ": " + e, e);
        }
    }

    Goal goal(String name) {
        return goals.stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the plugin has no goal " + name));
    }

    /** Every user property of a configurable parameter of any goal. */
    Set<String> userProperties() {
        Set<String> properties = new TreeSet<>();
        goals.forEach(g -> g.configurable().forEach(p -> p.property().ifPresent(properties::add)));
        return properties;
    }

    private static Goal goal(Element mojo) {
        Element configuration = child(mojo, "configuration");
        List<Parameter> parameters = new ArrayList<>();
        for (Element parameter : children(child(mojo, "parameters"), "parameter")) {
            String name = text(parameter, "name");
            Optional<Element> value = children(configuration, name).stream().findFirst();
            Optional<String> expression = value.map(Element::getTextContent).map(String::strip).filter(s -> !s.isEmpty());
            parameters.add(new Parameter(name, text(parameter, "type"), !text(parameter, "editable").equals("false"),
                    expression.filter(e -> e.matches("\\$\\{[^${}]+}")).map(e -> e.substring(2, e.length() - 1)),
                    value.map(v -> v.getAttribute("default-value")).filter(s -> !s.isEmpty()),
                    children(parameter, "description").stream().findFirst().map(Element::getTextContent).orElse("")));
        }
        return new Goal(text(mojo, "goal"), children(mojo, "phase").stream().findFirst().map(Element::getTextContent),
                List.copyOf(parameters));
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().strip();
    }

    private static Element child(Element parent, String name) {
        return children(parent, name).stream().findFirst()
                .orElseThrow(() -> new AssertionError(FILE + ": <" + parent.getTagName() + "> has no <" + name + ">"));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && nodes.item(i).getNodeName().equals(name)) {
                found.add((Element) nodes.item(i));
            }
        }
        return found;
    }
}
