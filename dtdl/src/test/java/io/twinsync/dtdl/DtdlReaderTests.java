package io.twinsync.dtdl;

import static io.twinsync.dtdl.Models.model;
import static io.twinsync.dtdl.Models.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.dtdl.model.DtdlProperty;
import io.twinsync.dtdl.model.DtdlRelationship;
import io.twinsync.dtdl.model.DtdlSchema;
import io.twinsync.dtdl.model.PrimitiveSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class DtdlReaderTests {

    private static final String SPACE = "dtmi:example:Space;1";
    private static final String PUMP = "dtmi:example:Pump;1";

    @Test
    void aRelationshipsPropertiesMayBeOneObjectAsRealEstateCoreWritesThem() {
        // given a relationship whose 'properties' is a single object (a set of one in JSON-LD)
        String pump = model(
                PUMP,
                "",
                "{'@type':'Relationship','name':'isFedBy','properties':"
                        + "{'@type':'Property','name':'since','schema':'dateTime'}}");

        // when
        DtdlReader.Result result = read("Pump.json", pump);

        // then
        assertThat(result.problems()).isEmpty();
        DtdlRelationship isFedBy = result.models().relationship(PUMP, "isFedBy").orElseThrow();
        assertThat(isFedBy.properties().get("since").schema())
                .isEqualTo(new DtdlSchema.Primitive(PrimitiveSchema.DATE_TIME));
    }

    @Test
    void aByteOrderMarkBeforeTheJsonIsIgnored() {
        // given a file saved by an editor that writes a UTF-8 byte order mark
        DtdlSource withBom =
                DtdlSource.ofText("Space.json", "\uFEFF" + model(SPACE, "", "").replace('\'', '"'));

        // when
        DtdlReader.Result result = DtdlReader.forService().read(List.of(withBom));

        // then
        assertThat(result.problems()).isEmpty();
        assertThat(result.models().ids()).containsExactly(SPACE);
    }

    @Test
    void aProblemNamesTheFileTheInterfaceAndTheElementOnce() {
        // given a relationship property without a name
        String pump = model(
                PUMP,
                "",
                "{'@type':'Relationship','name':'isFedBy','properties':" + "[{'@type':'Property','schema':'string'}]}");

        // when
        DtdlReader.Result result = read("models/Pump.json", pump);

        // then exactly one problem, with every part of where it is
        assertThat(result.problems()).hasSize(1);
        DtdlProblem problem = result.problems().get(0);
        assertThat(problem.source()).isEqualTo("models/Pump.json");
        assertThat(problem.interfaceId()).isEqualTo(PUMP);
        assertThat(problem.element()).isEqualTo("relationship 'isFedBy' > property");
        assertThat(problem.isMissingReference()).isFalse();
        assertThat(problem.toString())
                .isEqualTo("models/Pump.json (dtmi:example:Pump;1) relationship 'isFedBy' > property: has no 'name',"
                        + " which a Property needs");
    }

    @Test
    void textThatIsNotJsonIsAProblemWithItsLineAndColumn() {
        // when
        DtdlReader.Result result = read("Broken.json", "{'@id': \n  'dtmi:x;1',,}");

        // then
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("Broken.json");
            assertThat(p.message()).startsWith("is not valid JSON").contains("line 2");
        });
    }

    @Test
    void anInterfaceOverOneMebibyteIsRefused() {
        // given an interface whose description-laden contents make it just over 1 MiB
        StringBuilder contents = new StringBuilder();
        for (int i = 0; contents.length() < 1024 * 1024; i++) {
            contents.append(i == 0 ? "" : ",")
                    .append("{'@type':'Property','name':'p")
                    .append(i)
                    .append("','schema':'string','description':'")
                    .append("x".repeat(500))
                    .append("'}");
        }

        // when
        DtdlReader.Result result = read("Big.json", model(PUMP, "", contents.toString()));

        // then
        assertThat(result.problems()).extracting(DtdlProblem::message).anySatisfy(message -> assertThat(message)
                .contains("an interface may be at most 1048576"));
    }

    @Test
    void anExtendsChainOfTenThousandIsRefusedWithoutOverflowingTheStack() {
        // given a chain far past DTDL's 10 levels, as large as an import job may carry
        List<DtdlSource> chain = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            chain.add(Models.source(
                    "M" + i + ".json",
                    model("dtmi:example:M" + i + ";1", i == 0 ? "" : "dtmi:example:M" + (i - 1) + ";1", "")));
        }

        // when
        DtdlReader.Result result = DtdlReader.forService().read(chain);

        // then every interface more than 10 levels down is refused, and the order is still computed
        assertThat(result.problems()).hasSize(10_000 - 11).allSatisfy(p -> assertThat(p.message())
                .startsWith("has an extends hierarchy more than 10 levels"));
        assertThat(result.models().dependencyOrder()).hasSize(10_000).startsWith("dtmi:example:M0;1");
    }

    @Test
    void twoContentsWithOneNameAreOneProblem() {
        // when
        DtdlReader.Result result = read(
                "Pump.json",
                model(
                        PUMP,
                        "",
                        "{'@type':'Property','name':'x','schema':'string'},"
                                + "{'@type':'Property','name':'x','schema':'double'}"));

        // then
        assertThat(result.problems())
                .singleElement()
                .extracting(DtdlProblem::message)
                .isEqualTo("the name 'x' is used twice among the contents; names must be unique there");
    }

    @Test
    void aRelationshipTargetNeedNotBeAmongTheModels() {
        // given a target the set does not hold (DTDL: "by reference"; ADT accepts it, ModelsTest.modelLifecycleTest)
        String pump = model(PUMP, "", "{'@type':'Relationship','name':'feeds','target':'dtmi:example:Floor;1'}");

        // when
        DtdlReader.Result result = read("Pump.json", pump);

        // then
        assertThat(result.problems()).isEmpty();
        assertThat(result.models().unresolvedReferences()).isEmpty();
        assertThat(result.models().targetsOutside()).containsOnlyKeys("dtmi:example:Floor;1");
    }

    @Test
    void extendingAnInterfaceNoModelDefinesIsAnUnresolvedReference() {
        // when
        DtdlReader.Result result = read("Pump.json", model(PUMP, "dtmi:example:Equipment;1", ""));

        // then the one problem is a missing reference, which says what is missing
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.message())
                    .isEqualTo("'extends' refers to dtmi:example:Equipment;1, which none of the models defines; add"
                            + " the model that defines it");
            assertThat(p.isMissingReference()).isTrue();
            assertThat(p.missing()).isEqualTo("dtmi:example:Equipment;1");
        });
        assertThat(result.models().unresolvedReferences())
                .containsEntry("dtmi:example:Equipment;1", java.util.Set.of(PUMP));
    }

    @Test
    void documentsReadAgainstABaseSetMayReferToItsInterfaces() {
        // given a set already read (the models a service already holds)
        ModelSet base = read(
                        "Equipment.json",
                        model(
                                "dtmi:example:Equipment;1",
                                "",
                                "{'@type':'Property'," + "'name':'serial','schema':'string'}"))
                .models();

        // when a new document extends one of them
        DtdlReader.Result result = DtdlReader.forService()
                .read(Models.sources("Pump.json", model(PUMP, "dtmi:example:Equipment;1", "")), base);

        // then it resolves, and the new set holds both
        assertThat(result.problems()).isEmpty();
        assertThat(result.models().ids()).containsExactly("dtmi:example:Equipment;1", PUMP);
        assertThat(result.models().property(PUMP, "serial")).isPresent();
    }

    @Test
    void anInterfaceTheBaseAlreadyDefinesIsAProblem() {
        // given
        ModelSet base = read("Pump.json", model(PUMP, "", "")).models();

        // when
        DtdlReader.Result result =
                DtdlReader.forService().read(Models.sources("Again.json", model(PUMP, "", "")), base);

        // then
        assertThat(result.problems())
                .singleElement()
                .extracting(DtdlProblem::message)
                .asString()
                .contains("@id dtmi:example:Pump;1 is defined twice (first in Pump.json)");
    }

    @Test
    void azureDigitalTwinsRefusesCommandsWhichTheLanguageAllows() {
        // given an interface with a Command
        String pump = model(PUMP, "", "{'@type':'Command','name':'reboot'}");

        // when read for the service and for the language alone
        DtdlReader.Result service = read("Pump.json", pump);
        DtdlReader.Result language = new DtdlReader(DtdlReadOptions.LANGUAGE).read(Models.sources("Pump.json", pump));

        // then
        assertThat(service.problems())
                .singleElement()
                .extracting(DtdlProblem::message)
                .asString()
                .startsWith("is a Command; Azure Digital Twins does not accept Commands");
        assertThat(language.problems()).isEmpty();
    }

    @Test
    void azureDigitalTwinsRefusesAnInterfaceWrittenInline() {
        // given an interface that extends one written inline
        String pump = "{'@context':'dtmi:dtdl:context;3','@id':'" + PUMP + "','@type':'Interface',"
                + "'extends':{'@id':'dtmi:example:Equipment;1','@type':'Interface'}}";

        // when
        DtdlReader.Result result = read("Pump.json", pump);

        // then
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.interfaceId()).isEqualTo("dtmi:example:Equipment;1");
            assertThat(p.message()).startsWith("is an Interface written inline");
        });
    }

    @Test
    void anUndefinedLanguageExtensionIsAcceptedForTheServiceAndRefusedByTheLanguageOptions() {
        // given a model naming an extension this reader does not define, with a co-type and property from it
        String pump = "{'@context':['dtmi:dtdl:context;3','dtmi:com:example:extension;1'],'@id':'" + PUMP
                + "','@type':'Interface','contents':[{'@type':['Property','Calibrated'],'name':'flow',"
                + "'schema':'double','calibratedOn':'2024-01-01'}]}";

        // when
        DtdlReader.Result service = read("Pump.json", pump);
        DtdlReader.Result language = new DtdlReader(DtdlReadOptions.LANGUAGE).read(Models.sources("Pump.json", pump));

        // then
        assertThat(service.problems()).isEmpty();
        assertThat(service.models().property(PUMP, "flow").orElseThrow().semanticTypes())
                .containsExactly("Calibrated");
        assertThat(language.problems()).isNotEmpty();
    }

    @Test
    void aSemanticTypeWithAUnitOfAnotherTypeIsRefusedWithTheUnitsItTakes() {
        // given
        String pump = "{'@context':['dtmi:dtdl:context;3','dtmi:dtdl:extension:quantitativeTypes;1'],'@id':'" + PUMP
                + "','@type':'Interface','contents':[{'@type':['Property','Temperature'],'name':'t',"
                + "'schema':'double','unit':'metre'}]}";

        // when
        DtdlReader.Result result = read("Pump.json", pump);

        // then
        assertThat(result.problems())
                .singleElement()
                .extracting(DtdlProblem::message)
                .asString()
                .startsWith("'unit' metre is not a unit of TemperatureUnit")
                .contains("degreeCelsius");
    }

    @Test
    void aSchemaDeclaredInAnotherInterfaceCannotBeReused() {
        // given a schema declared in Equipment's 'schemas' and used by Pump, which extends it
        String equipment = "{'@context':'dtmi:dtdl:context;3','@id':'dtmi:example:Equipment;1','@type':'Interface',"
                + "'schemas':[{'@id':'dtmi:example:State;1','@type':'Enum','valueSchema':'string','enumValues':"
                + "[{'name':'on','enumValue':'on'}]}]}";
        String pump = model(
                PUMP,
                "dtmi:example:Equipment;1",
                "{'@type':'Property','name':'state'," + "'schema':'dtmi:example:State;1'}");

        // when
        DtdlReader.Result result = read("Equipment.json", equipment, "Pump.json", pump);

        // then
        assertThat(result.problems())
                .singleElement()
                .extracting(DtdlProblem::message)
                .asString()
                .contains("an interface can reuse only the schemas it declares itself");
    }

    @Test
    void aSchemaDeclaredInTheSameInterfaceIsResolvedWhereItIsUsed() {
        // given
        String pump = "{'@context':'dtmi:dtdl:context;3','@id':'" + PUMP + "','@type':'Interface',"
                + "'schemas':[{'@id':'dtmi:example:Pump:State;1','@type':'Enum','valueSchema':'string',"
                + "'enumValues':[{'name':'on','enumValue':'on'},{'name':'off','enumValue':'off'}]}],"
                + "'contents':[{'@type':'Property','name':'state','schema':'dtmi:example:Pump:State;1'}]}";

        // when
        DtdlReader.Result result = read("Pump.json", pump);

        // then
        assertThat(result.problems()).isEmpty();
        DtdlProperty state = result.models().property(PUMP, "state").orElseThrow();
        assertThat(state.schema()).isInstanceOfSatisfying(DtdlSchema.EnumSchema.class, e -> assertThat(e.values())
                .extracting(DtdlSchema.EnumValue::value)
                .containsExactly("on", "off"));
    }
}
