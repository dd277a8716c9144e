import { NotFoundScreen } from "@/components/ui/not-found-screen";
import { t } from "@/lib/i18n";

export default function BuildingNotFound() {
  return <NotFoundScreen title={t.errors.buildingNotFound} />;
}
