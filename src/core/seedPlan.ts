/**
 * The Zhangye 14th Five-Year S&T innovation plan, shipped with the add-in as its default plan.
 * The JSON file is the single source (staff can copy and edit it); parsing it through the schema
 * here means a broken seed fails at load and in tests, never later in a cell.
 */
import { plan, type Plan } from "./planSchema";
import seedJson from "../../seeds/zhangye-sti-14th-fyp.plan.json";

export const seedPlan: Plan = plan.parse(seedJson);
