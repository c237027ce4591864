package cn.keyaccount.servicerequest.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.servicerequest.ServiceArea;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrewDispatchTest {

    private static CrewDispatch.Candidate crew(long id, String path, ServiceArea area, long open) {
        return new CrewDispatch.Candidate(id, path, area, open);
    }

    @Test
    void a_crew_of_the_customers_own_unit_and_area_goes_first_then_the_least_busy() {
        List<CrewDispatch.Candidate> crews = List.of(crew(1, "/1/2/3/", ServiceArea.URBAN, 0),
                crew(2, "/1/2/3/4/", ServiceArea.RURAL, 0), crew(3, "/1/2/3/4/", ServiceArea.URBAN, 3),
                crew(4, "/1/2/3/4/", ServiceArea.URBAN, 1), crew(5, "/1/2/3/5/", ServiceArea.URBAN, 0));
        assertEquals(4, CrewDispatch.choose(crews, "/1/2/3/4/", ServiceArea.URBAN).orElseThrow().id(),
                "own unit, own area, fewest open repairs; the idle county crew and the other station wait");
        assertEquals(2, CrewDispatch.choose(crews, "/1/2/3/4/", ServiceArea.RURAL).orElseThrow().id());
    }

    @Test
    void without_a_crew_in_its_unit_the_nearest_unit_above_answers_and_none_anywhere_waits() {
        List<CrewDispatch.Candidate> crews = List.of(crew(1, "/1/2/3/", ServiceArea.REMOTE, 5),
                crew(5, "/1/2/3/5/", ServiceArea.URBAN, 0));
        assertEquals(1, CrewDispatch.choose(crews, "/1/2/3/4/", ServiceArea.URBAN).orElseThrow().id(),
                "a crew of another area above beats a sibling station's crew");
        assertTrue(CrewDispatch.choose(crews, "/9/", ServiceArea.URBAN).isEmpty());
        assertTrue(CrewDispatch.choose(List.of(), "/1/", ServiceArea.URBAN).isEmpty());
    }

    @Test
    void a_photo_is_judged_by_its_first_bytes() {
        assertEquals("image/jpeg", RepairService.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
        assertEquals("image/png", RepairService.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}));
        assertEquals("image/webp", RepairService.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes()));
        assertEquals(null, RepairService.sniff("<svg onload=alert(1)>".getBytes()));
        assertEquals(null, RepairService.sniff("%PDF-1.7".getBytes()));
        assertEquals(null, RepairService.sniff(new byte[] {(byte) 0xFF}));
    }
}
